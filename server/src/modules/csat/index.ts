import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { askRatingOnClose } from './ask-rating.js';
import { csatRoutes } from './csat-routes.js';
import { rateByPress } from './rate-by-press.js';

/**
 * Client ratings (CSAT): closing a dialog asks the client in their channel's way (see `ask-rating.ts`), a press of
 * the rating buttons is taken as the rating (`rate-by-press.ts`), e-mail clients rate on a portal page through a
 * link, and supervisors read the aggregates.
 */
export const csatModule = fp(
  async (app) => {
    const { db, clock, conversations } = app;
    conversations.onStatusChanged(askRatingOnClose({ db, conversations }));
    conversations.onPressed(rateByPress({ db, conversations, clock }));
    await app.register(csatRoutes, { prefix: apiPrefix, db, clock });
  },
  { name: 'csat', dependencies: ['conversations'] },
);
