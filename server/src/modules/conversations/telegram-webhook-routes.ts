import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { fail } from '../../http/app-error.js';
import { errorResponses } from '../../http/schemas.js';
import type { ChannelRegistry } from './channel-registry.js';
import type { ConversationStore } from './conversation-store.js';
import { takeTelegramUpdate } from './telegram-inbound.js';

const tags = ['channels'];
const secretHeader = 'x-telegram-bot-api-secret-token';

/** Equal in constant time (hashing first makes the lengths equal, so the length leaks nothing either). */
const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );

/**
 * Telegram's webhook: each update is checked against the `secret_token` the bot's webhook was set with (a forged
 * call without it stores nothing), read by the adapter and taken into its conversation. Telegram redelivers until
 * it gets a 2xx, so the update's id keeps a redelivery from being stored twice.
 */
export const telegramWebhookRoutes: FastifyPluginAsyncTypebox<{
  conversations: ConversationStore;
  channels: ChannelRegistry;
}> = async (app, { conversations, channels }) => {
  app.post(
    '/channels/:key/telegram',
    {
      // Telegram calls from a handful of its own addresses, a busy bot's updates all through them: 100 a second per
      // address, so its load is not throttled; a forged call costs one cached lookup and a constant-time compare.
      config: { access: 'public', rateLimit: { max: 6000, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Telegram webhook of a Telegram channel (checked by its secret token)',
        params: Type.Object(
          { key: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' }) },
          { additionalProperties: false },
        ),
        body: Type.Object({ update_id: Type.Integer() }, { additionalProperties: true }),
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const channel = await channels.resolve(request.params.key);
      if (channel?.type !== 'telegram') throw fail.notFound('channel');
      const settings = channel.settings as { webhookSecret: string };
      const given = request.headers[secretHeader];
      if (typeof given !== 'string' || !sameSecret(given, settings.webhookSecret)) throw fail.forbidden();
      await takeTelegramUpdate(conversations, channel, request.params.key, request.body);
      return { ok: true };
    },
  );
};
