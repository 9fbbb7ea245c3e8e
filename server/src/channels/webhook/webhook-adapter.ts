import {
  type ChannelAdapter,
  type ChannelCapabilities,
  type InboundParse,
  messageLimits,
  type OutboundMessage,
  offeredButtons,
  type SentMessage,
} from '@opora/runtime/conversations';
import type { Clock } from '../../adapters/clock.js';
import { GatewayRefusal, type HttpGateway } from '../../adapters/http-gateway/http-gateway.js';
import { GiveUp, RetryLater } from '../../adapters/job-queue/index.js';
import type { WebhookInbound, WebhookOutbound } from './webhook-payloads.js';
import type { WebhookSettings } from './webhook-settings.js';
import { sign, signatureHeaders } from './webhook-signature.js';

const capabilities: ChannelCapabilities = {
  buttons: true,
  files: true,
  typing: false,
  readReceipts: false,
  maxTextLength: messageLimits.text,
};

/**
 * Any other messenger (a VK or WhatsApp gateway, a company's own app) through signed webhooks: the gateway POSTs
 * each message (checked against the schema and the signature by the route before it reaches here), Opora POSTs
 * each answer to the gateway's URL through the HTTP gateway — the same address policy as integrations, so a
 * channel cannot be pointed at the server's own network unless an administrator allowed that address.
 */
export class WebhookAdapter implements ChannelAdapter<WebhookSettings, WebhookInbound> {
  readonly type = 'webhook' as const;

  constructor(
    private readonly gateway: HttpGateway,
    private readonly clock: Clock,
  ) {}

  capabilities(): ChannelCapabilities {
    return capabilities;
  }

  async parseInbound(_settings: WebhookSettings, body: WebhookInbound): Promise<InboundParse> {
    const files = (body.files ?? []).map((file) => ({
      name: file.name,
      contentType: file.contentType,
      bytes: new Uint8Array(Buffer.from(file.base64, 'base64')),
    }));
    if (!body.text?.trim() && !files.length && body.pressed === undefined)
      return { ok: true, ignored: 'empty message', messages: [] };
    return {
      ok: true,
      messages: [
        {
          from: {
            externalId: body.from.id,
            displayName: body.from.name,
            email: body.from.email,
            phone: body.from.phone,
          },
          externalMessageId: body.messageId,
          message: { text: body.text ?? '', parts: [], attachments: [] },
          files,
          ...(body.pressed !== undefined ? { pressed: { index: body.pressed, label: body.text ?? '' } } : {}),
        },
      ],
    };
  }

  async send(settings: WebhookSettings, outbound: OutboundMessage): Promise<SentMessage> {
    const payload: WebhookOutbound = {
      event: 'message',
      messageId: outbound.idempotencyKey,
      to: { id: outbound.to.externalId },
      text: outbound.message.text,
      buttons: offeredButtons(outbound.message).map((button, index) => ({ index, label: button.label })),
      files: outbound.files.map(({ ref, bytes }) => ({
        name: ref.name,
        contentType: ref.contentType,
        base64: Buffer.from(bytes).toString('base64'),
      })),
    };
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(this.clock.now() / 1000);
    const url = new URL(settings.outboundUrl);
    const response = await this.gateway
      .fetch(
        {
          allowedHosts: [url.hostname],
          allowedAddresses: settings.allowedAddresses,
          timeoutMs: 15_000,
          maxResponseBytes: 64 * 1024,
        },
        {
          url: settings.outboundUrl,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [signatureHeaders.timestamp]: String(timestamp),
            [signatureHeaders.signature]: sign(settings.secret, timestamp, body),
          },
          body,
        },
      )
      .catch(refusalToFailure);
    if (response.status >= 200 && response.status < 300) return { externalMessageId: payload.messageId };
    if (response.status === 429)
      throw new RetryLater('the gateway asked to slow down', retryAfterMs(response.headers['retry-after']));
    if (response.status >= 400 && response.status < 500 && response.status !== 408)
      throw new GiveUp(`the gateway refused the message: HTTP ${response.status}`);
    throw new Error(`the gateway answered HTTP ${response.status}`);
  }
}

function retryAfterMs(header: string | undefined): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) * 1000 : 30_000;
}

/** The gateway's refusals of the address itself will not change by retrying; a timeout may. */
function refusalToFailure(error: unknown): never {
  if (error instanceof GatewayRefusal && error.reason !== 'timeout')
    throw new GiveUp(`webhook refused: ${error.message}`);
  throw error;
}
