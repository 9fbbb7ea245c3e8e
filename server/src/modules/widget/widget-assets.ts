import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { allowFramingBy } from '../../http/security-headers.js';
import { bundleEncoding, bundleReader } from './widget-bundle.js';
import type { WidgetChannels } from './widget-channels.js';
import { ChannelKeyParams } from './widget-schemas.js';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
/** Where `npm run build -w widget` puts the one-file bundle. */
export const builtWidget = join(repoRoot, 'widget', 'dist', 'widget.js');

/** Whether an If-None-Match header (one tag, a list, or `*`) names the tag the browser would get. */
const matches = (header: string | undefined, etag: string) =>
  header?.split(',').some((tag) => ['*', etag, `W/${etag}`].includes(tag.trim())) ?? false;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * `/widget.js` (the script any site includes) and `/widget/:channelKey`, the chat as a whole page for links and
 * mobile apps. That page is the one Opora page other sites may frame: its `frame-ancestors` are the channel's sites.
 */
export const widgetAssets: FastifyPluginAsyncTypebox<{
  channels: WidgetChannels;
  bundlePath?: string;
}> = async (app, { channels, bundlePath }) => {
  const bundle = bundleReader(bundlePath ?? builtWidget);

  app.get('/widget.js', { schema: { hide: true } }, async (request, reply) => {
    const file = await bundle(bundleEncoding(request.headers['accept-encoding']));
    if (!file) return reply.status(404).type('text/plain').send('widget not built');
    // Other sites include it with a plain <script>: the default same-origin resource policy would block it.
    reply.header('cross-origin-resource-policy', 'cross-origin');
    // Its name never changes (sites embed this URL): kept five minutes, then checked by its ETag.
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('vary', 'accept-encoding')
      .header('etag', file.etag);
    if (matches(request.headers['if-none-match'], file.etag)) return reply.status(304).send();
    if (file.encoding !== 'identity') reply.header('content-encoding', file.encoding);
    return reply.send(file.content);
  });

  app.get(
    '/widget/:channelKey',
    {
      schema: { hide: true, params: ChannelKeyParams },
      onSend: async (request, reply, payload) => {
        const channel = request.widgetPageOrigins;
        if (channel) allowFramingBy(reply, channel);
        return payload;
      },
    },
    async (request, reply) => {
      const channel = await channels.get(request.params.channelKey);
      request.widgetPageOrigins = channel.allowedOrigins;
      const key = escapeHtml(channel.key);
      const title = escapeHtml(channel.title.ru);
      return reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>html,body{margin:0;height:100%;background:#f4f6f8}</style></head>
<body><script src="/widget.js" data-channel="${key}" data-mode="page" async></script></body></html>`);
    },
  );
};

declare module 'fastify' {
  interface FastifyRequest {
    widgetPageOrigins?: readonly string[];
  }
}
