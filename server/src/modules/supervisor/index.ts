import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { supervisorRoutes } from './supervisor-routes.js';

/**
 * The supervisor's live board (`/supervisor` in the portal): lines, queues, operators' load, SLA breaches and
 * today's ratings, and giving dialogs to operators by hand. Reads what distribution and CSAT write; the boards stay
 * live on the staff socket (dialog events, plus `board` for operators' status — see `board-signal.ts`).
 */
export const supervisorModule = fp(
  async (app) => {
    const deps = {
      db: app.db,
      clock: app.clock,
      jobs: app.jobQueue,
      hub: app.liveHub,
      lines: app.publishedLines,
      timeZone: app.settings.timeZone,
    };
    await app.register(supervisorRoutes, { prefix: apiPrefix, deps });
  },
  { name: 'supervisor', dependencies: ['distribution', 'csat'] },
);
