import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../../http/app-error.js';
import { siteAllowed } from './site-origin.js';
import type { WidgetChannel, WidgetChannels } from './widget-channels.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The widget channel a `/widget/:channelKey/…` request is for, read once by the CORS check. */
    widgetChannel?: WidgetChannel;
  }
}

/**
 * CORS for the widget's routes only, and only for the sites the channel lists: a page of any other site is refused
 * before anything is read or stored (a 403 it cannot even read). No credentials are allowed cross-site — the widget
 * carries its visitor token in the Authorization header — so another site's page never acts with a portal
 * user's cookie. A preflight is answered here too.
 */
export async function widgetCors(channels: WidgetChannels, request: FastifyRequest, reply: FastifyReply) {
  const key = (request.params as { channelKey?: string }).channelKey;
  if (!key) return;
  const channel = await channels.get(key);
  request.widgetChannel = channel;
  const origin = request.headers.origin;
  if (!siteAllowed(origin, request.host, channel)) throw fail.crossOrigin();
  if (origin === undefined) return;
  reply.header('access-control-allow-origin', origin);
  reply.header('vary', 'Origin');
  if (request.method === 'OPTIONS') {
    reply.header('access-control-allow-methods', 'GET, POST');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-max-age', '600');
  }
}
