import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { defaultWidgetLimits, type WidgetLimits, widgetRateWindows } from './rate-windows.js';
import { VisitorTokens } from './visitor-token.js';
import { widgetAssets } from './widget-assets.js';
import { portalWidgetChannel, WidgetChannels } from './widget-channels.js';
import { widgetCsatRoute } from './widget-csat-route.js';
import { widgetLiveRoutes } from './widget-live.js';
import { widgetRoutes } from './widget-routes.js';
import { WidgetVisitors } from './widget-service.js';

/** `GET /widget-channels/portal`: which widget channel the portal shows on its pages (none: no chat). */
const portalChannelRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/widget-channels/portal',
    {
      config: { access: 'public' },
      schema: {
        tags: ['widget'],
        summary: 'The widget channel the portal shows on its pages',
        response: { 200: Type.Object({ key: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async () => ({ key: await portalWidgetChannel(app.db) }),
  );
};

/**
 * The web chat widget: anonymous visitors with signed tokens (signed-in portal clients recognised), their messages
 * into the conversation store, live answers over a WebSocket, CORS and framing for the channel's sites only, the
 * script `/widget.js` and the standalone chat page. `limits` are for tests; installations use the defaults.
 */
export const widgetModule = fp(
  async (app, options: { limits?: Partial<WidgetLimits> }) => {
    const tokens = new VisitorTokens(app.settings.secretsKey, () => app.clock.now());
    if (!app.settings.secretsKey)
      app.log.warn(
        'OPORA_SECRETS_KEY is not set: chat widget visitors are signed with a key of this process only, so their ' +
          'sessions end at a restart and other server processes do not accept them',
      );
    const visitors = new WidgetVisitors({
      db: app.db,
      conversations: app.conversations,
      hub: app.liveHub,
      clock: app.clock,
    });
    const limits = widgetRateWindows({ ...defaultWidgetLimits, ...options.limits });
    const channels = new WidgetChannels(app.db, app.definitions.publishedCache);
    await app.register(widgetRoutes, {
      prefix: apiPrefix,
      tokens,
      visitors,
      identity: app.identity,
      fileStore: app.fileStore,
      limits,
      channels,
    });
    await app.register(widgetCsatRoute, { prefix: apiPrefix, tokens, clock: app.clock, channels });
    await app.register(widgetLiveRoutes, {
      prefix: apiPrefix,
      hub: app.liveHub,
      tokens,
      now: () => app.clock.now(),
      channels,
    });
    await app.register(portalChannelRoute, { prefix: apiPrefix });
    await app.register(widgetAssets, { channels });
  },
  { name: 'widget', dependencies: ['conversations', 'auth', 'definitions'] },
);
