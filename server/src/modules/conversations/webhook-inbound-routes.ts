import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { messageLimits } from '@opora/runtime/conversations';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../adapters/clock.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import {
  type WebhookInbound,
  WebhookInboundSchema,
  WebhookOutboundSchema,
  type WebhookReceipt,
  WebhookReceiptSchema,
} from '../../channels/webhook/webhook-payloads.js';
import { signatureHeaders, verify } from '../../channels/webhook/webhook-signature.js';
import type { Database } from '../../db/database.js';
import { AppError, fail } from '../../http/app-error.js';
import { parseJsonBody } from '../../http/json/json-body.js';
import { defaultJsonLimits } from '../../http/json/json-value-fault.js';
import { errorResponses } from '../../http/schemas.js';
import type { ChannelRegistry } from './channel-registry.js';
import type { ConversationStore } from './conversation-store.js';
import { applyReceipt } from './delivery-receipt.js';
import { claimInbound } from './inbound.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as it arrived: what the webhook's signature covers. Set only on the webhook route. */
    rawBody?: string;
  }
}

const tags = ['channels'];
/** Ten files of the largest size, base64-encoded, and the JSON around them. */
const bodyLimit = Math.ceil((messageLimits.attachments * messageLimits.attachmentBytes * 4) / 3) + 256 * 1024;

const signedHeaders = Type.Object({
  [signatureHeaders.timestamp]: Type.String({
    description: 'Unix time in seconds when the call was signed; refused when more than 5 minutes off',
    examples: ['1800000000'],
  }),
  [signatureHeaders.signature]: Type.String({
    description: '`sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the channel’s shared secret',
    examples: ['sha256=5d41402abc4b2a76b9719d911017c592…'],
  }),
});

export interface WebhookInboundDeps {
  db: Database;
  hub: LiveHub;
  clock: Clock;
  conversations: ConversationStore;
  channels: ChannelRegistry;
}

/**
 * The webhook messenger API's inbound side: a gateway POSTs each message a person wrote, and receipts for our
 * answers, signed with the channel's shared secret over the raw body and a timestamp. A bad or missing signature
 * and calls older than five minutes store nothing; a replay within the window is harmless because the gateway's
 * message id is taken once. The route parses its own body: the signature covers the exact bytes, so they are kept.
 */
export const webhookInboundRoutes: FastifyPluginAsyncTypebox<WebhookInboundDeps> = async (app, deps) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    try {
      request.rawBody = body as string;
      done(null, parseJsonBody(body as string, { ...defaultJsonLimits }));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.post(
    '/channels/:key/webhook',
    {
      bodyLimit,
      config: { access: 'public', rateLimit: { max: 1200, timeWindow: '1 minute' } },
      // Before the body's schema: an unsigned call learns nothing about what a valid body looks like.
      preValidation: async (request) => {
        const secret = await channelSecret(deps.channels, (request.params as { key: string }).key);
        checkSignature(request, secret, Math.floor(deps.clock.now() / 1000));
      },
      schema: {
        tags,
        summary: 'Webhook messenger: a message a person wrote, or a receipt for an answer (signed)',
        description: [
          'Sign each call: `X-Opora-Timestamp` is the Unix time in seconds, `X-Opora-Signature` is',
          '`sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the channel’s shared secret.',
          'Calls more than 5 minutes old are refused; a message id is taken once, so retrying is safe.',
          'Opora’s answers go to the channel’s `outboundUrl` as a POST signed the same way, with this body:',
          `\`\`\`json\n${JSON.stringify(WebhookOutboundSchema.examples[0], null, 2)}\n\`\`\``,
          'Files travel as base64 inside the JSON (at most 10 per message, 20 MB each).',
        ].join('\n'),
        params: Type.Object(
          { key: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' }) },
          { additionalProperties: false },
        ),
        headers: signedHeaders,
        body: Type.Union([WebhookInboundSchema, WebhookReceiptSchema]),
        response: {
          200: Type.Object(
            {
              ok: Type.Boolean(),
              duplicate: Type.Boolean({ description: 'The same message id was taken before' }),
              messageId: Type.Optional(Type.String({ description: 'Opora’s id of the stored message' })),
            },
            { examples: [{ ok: true, duplicate: false, messageId: '6a1f…' }] },
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { key } = request.params;
      const body = request.body as WebhookInbound | WebhookReceipt;
      if (body.event === 'receipt') return takeReceipt(deps, key, body);
      const channel = (await deps.channels.resolve(key))!;
      const parsed = await channel.adapter.parseInbound(channel.settings, body);
      if (!parsed.ok) throw new AppError(400, 'bad_update', 'bad_update', { reason: parsed.reason });
      const [message] = parsed.messages;
      if (!message) return { ok: true, duplicate: false };
      const taken = await deps.conversations.takeInbound({ type: 'webhook', key }, message);
      return { ok: true, duplicate: taken.duplicate, messageId: taken.message.id };
    },
  );
};

async function channelSecret(channels: ChannelRegistry, key: string): Promise<string> {
  const channel = await channels.resolve(key);
  if (channel?.type !== 'webhook') throw fail.notFound('channel');
  return (channel.settings as { secret: string }).secret;
}

function checkSignature(request: FastifyRequest, secret: string, nowSeconds: number): void {
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const verdict = verify(
    secret,
    { timestamp: header(signatureHeaders.timestamp), signature: header(signatureHeaders.signature) },
    request.rawBody ?? '',
    nowSeconds,
  );
  if (verdict !== 'ok')
    throw new AppError(401, 'bad_signature', 'bad_signature', { reason: verdict }, [
      { pointer: '', message: { key: 'bad_signature', params: { reason: verdict } } },
    ]);
}

/** A receipt moves the answer's delivery state; a receipt id already taken changes nothing. */
async function takeReceipt(deps: WebhookInboundDeps, channelKey: string, receipt: WebhookReceipt) {
  return deps.db.transaction(async (tx) => {
    const now = new Date(deps.clock.now());
    if (!(await claimInbound(deps.db, tx, channelKey, `receipt:${receipt.messageId}`, now)))
      return { ok: true, duplicate: true };
    const changed = await applyReceipt(deps.db, deps.hub, tx, {
      channelKey,
      externalId: receipt.outboundMessageId,
      state: receipt.status,
    });
    if (!changed) throw fail.notFound('message');
    return { ok: true, duplicate: false, messageId: changed.id };
  });
}
