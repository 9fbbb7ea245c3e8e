import { randomUUID } from 'node:crypto';
import {
  type ChannelAdapter,
  type ChannelCapabilities,
  type InboundParse,
  type OutboundMessage,
  replyAboveMarker,
  type SentMessage,
  textWithNumberedButtons,
} from '@opora/runtime/conversations';
import nodemailer, { type Transporter } from 'nodemailer';
import { GiveUp } from '../../adapters/job-queue/index.js';
import type { EmailSettings } from './email-settings.js';
import { readMail } from './read-mail.js';

const capabilities: ChannelCapabilities = {
  buttons: false,
  files: true,
  typing: false,
  readReceipts: false,
  maxTextLength: 100_000,
};

const sendTimeoutMs = 30_000;

/**
 * The e-mail channel: raw messages in (from the SMTP listener or a polled mailbox), answers out through SMTP with
 * their own Message-ID and the thread's References, so the client's mail program threads them and the client's
 * reply comes back into the same conversation. Buttons become a numbered list; the marker above the quoted thread
 * lets the next reply be cut to its new text.
 */
export class EmailAdapter implements ChannelAdapter<EmailSettings, Buffer> {
  readonly type = 'email' as const;
  private readonly transports = new Map<string, Transporter>();

  capabilities(): ChannelCapabilities {
    return capabilities;
  }

  parseInbound(_settings: EmailSettings, raw: Buffer): Promise<InboundParse> {
    return readMail(raw);
  }

  async send(settings: EmailSettings, outbound: OutboundMessage): Promise<SentMessage> {
    const domain = settings.address.split('@')[1] ?? 'localhost';
    // Derived from the idempotency key: a retried send after a lost answer carries the same id, so the client's
    // mail program shows one message even if the server's first attempt did reach it.
    const messageId = `<${outbound.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '') || randomUUID()}@${domain}>`;
    const thread = outbound.thread.slice(-20);
    const subject = outbound.subject ?? 'Ответ службы поддержки';
    try {
      await this.transport(settings).sendMail({
        from: { name: settings.displayName ?? '', address: settings.address },
        to: outbound.to.email ?? outbound.to.externalId,
        subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
        text: `${replyAboveMarker}\n\n${textWithNumberedButtons(outbound.message)}`,
        messageId,
        ...(thread.length ? { inReplyTo: thread.at(-1), references: thread } : {}),
        attachments: outbound.files.map(({ ref, bytes }) => ({
          filename: ref.name,
          contentType: ref.contentType,
          content: Buffer.from(bytes),
        })),
      });
    } catch (error) {
      throw permanent(error) ? new GiveUp(`SMTP refused the message: ${(error as Error).message}`) : error;
    }
    return { externalMessageId: messageId };
  }

  private transport(settings: EmailSettings): Transporter {
    const { host, port, secure, user, password } = settings.smtp;
    const key = JSON.stringify([host, port, secure, user, password]);
    let transport = this.transports.get(key);
    if (!transport) {
      transport = nodemailer.createTransport({
        host,
        port,
        secure,
        ...(user ? { auth: { user, pass: password ?? '' } } : {}),
        connectionTimeout: sendTimeoutMs,
        greetingTimeout: sendTimeoutMs,
        socketTimeout: sendTimeoutMs,
      });
      this.transports.set(key, transport);
    }
    return transport;
  }
}

/** A 5xx answer of the SMTP server (unknown mailbox, refused content) will not change on a retry. */
function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
