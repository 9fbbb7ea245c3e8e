import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import { AppError, fail } from '../../http/app-error.js';
import { siteAllowed } from './site-origin.js';
import type { VisitorTokens } from './visitor-token.js';
import type { WidgetChannels } from './widget-channels.js';
import { ChannelKeyParams } from './widget-schemas.js';

/**
 * Sockets one visitor may hold on one server process: a few tabs are normal, thousands from one token would hold
 * the process's memory and file descriptors hostage (sessions per address are limited, sockets per token so too).
 */
export const maxSocketsPerVisitor = 8;

/**
 * `GET /widget/:channelKey/live?token=…`: the widget's WebSocket. Browsers cannot set headers on a WebSocket, so
 * the visitor token comes in the query; the page's Origin must be one of the channel's sites or this server's
 * own (browsers send it and scripts cannot forge it). The server only talks: operators' answers, delivery changes
 * and typing reach `visitor:<id>` on every server process.
 */
export const widgetLiveRoutes: FastifyPluginAsyncTypebox<{
  hub: LiveHub;
  tokens: VisitorTokens;
  now: () => number;
  channels: WidgetChannels;
}> = async (app, { hub, tokens, now, channels }) => {
  app.get(
    '/widget/:channelKey/live',
    {
      websocket: true,
      config: { access: 'public' },
      schema: {
        tags: ['widget'],
        summary: 'Live answers for a widget visitor (WebSocket)',
        params: ChannelKeyParams,
        querystring: Type.Object(
          { token: Type.String({ maxLength: 1000 }) },
          { additionalProperties: false },
        ),
      },
      onRequest: async (request) => {
        const { channelKey } = request.params as { channelKey: string };
        const channel = await channels.get(channelKey);
        if (!siteAllowed(request.headers.origin, request.host, channel)) throw fail.crossOrigin();
      },
      preHandler: async (request) => {
        const claims = tokens.verify(request.query.token, request.params.channelKey);
        if (!claims) throw new AppError(401, 'widget_session_invalid', 'widget_session_invalid');
        if (hub.listeners(liveAddress.visitor(claims.visitorId)) >= maxSocketsPerVisitor)
          throw new AppError(429, 'widget_too_many_sockets', 'widget_too_many_sockets');
      },
    },
    (socket, request) => {
      const claims = tokens.verify(request.query.token, request.params.channelKey)!;
      // The socket ends with its token; the widget reconnects with the fresh one its next session start gave.
      hub.attach([liveAddress.visitor(claims.visitorId)], socket, async () => claims.expiresAt > now());
    },
  );
};
