import {
  type ChannelAdapter,
  type ChannelCapabilities,
  type InboundParse,
  type OutboundMessage,
  replyAboveMarker,
  type SentMessage,
  textWithNumberedButtons,
} from '@opora/runtime/conversations';
import type { Mailer } from '../../adapters/mail/index.js';

/** Where a request's answers are mailed from and where the client's e-mail replies should go. */
export interface PortalMailSettings {
  /** The support mailbox an e-mail channel takes mail for; null when none is set up (replies go to the account). */
  replyTo: string | null;
  /** The domain of the notifications' Message-IDs. */
  domain: string;
  /** The client's personal account on the portal, where every thread can be read and answered. */
  accountUrl?: string;
}

const capabilities: ChannelCapabilities = {
  buttons: false,
  files: false,
  typing: false,
  readReceipts: false,
  maxTextLength: 100_000,
};

/**
 * A request's thread: the client reads it in «Мои обращения», and each public answer is also mailed to the
 * client's address through the product's own mailer — with a Message-ID the message keeps as its external id and
 * a Reply-To of the support mailbox, so the client's e-mail reply threads back into the same conversation (the
 * e-mail channel matches its In-Reply-To/References). A client without an address reads the answer in the
 * account only: nothing is mailed, and the message counts as delivered there.
 */
export class PortalMailAdapter implements ChannelAdapter<PortalMailSettings, never> {
  readonly type = 'portal' as const;

  constructor(private readonly mailer: Mailer) {}

  capabilities(): ChannelCapabilities {
    return capabilities;
  }

  async parseInbound(): Promise<InboundParse> {
    return { ok: false, reason: 'a request thread takes messages from the account and the e-mail channel' };
  }

  async send(settings: PortalMailSettings, outbound: OutboundMessage): Promise<SentMessage> {
    // Derived from the idempotency key: a retried job mails the same Message-ID, which mail programs show once.
    const messageId = `<${outbound.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '')}.thread@${settings.domain}>`;
    const to = outbound.to.email;
    if (!to) return { externalMessageId: messageId };
    // Only Message-IDs thread mail; the thread also holds ids of messages written in the account.
    const thread = outbound.thread.filter((id) => /^<[^<>\s]+>$/.test(id)).slice(-20);
    const subject = outbound.subject ?? 'Ответ по обращению';
    await this.mailer.send({
      to,
      subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
      text: mailText(settings, textWithNumberedButtons(outbound.message)),
      messageId,
      ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
      ...(thread.length ? { inReplyTo: thread.at(-1), references: thread } : {}),
    });
    return { externalMessageId: messageId };
  }
}

/** The answer, then how to reply: by e-mail above the marker (cut off on the way back) or in the account. */
function mailText(settings: PortalMailSettings, text: string): string {
  const where = settings.accountUrl
    ? `\n\nВся переписка по обращению — в личном кабинете: ${settings.accountUrl}`
    : '';
  if (!settings.replyTo) return `${text}${where}\n\nОтветить можно в личном кабинете на портале.\n`;
  return `${replyAboveMarker}\n\n${text}${where}\n`;
}
