import { readMail } from '../../channels/email/read-mail.js';
import type { ConversationStore } from './conversation-store.js';

/** What became of one inbound e-mail: stored (or knowingly passed over: a bounce, an empty mail), or refused. */
export type MailTaken = { ok: true; ignored?: string } | { ok: false; reason: string };

/**
 * The one way an inbound e-mail reaches the conversations, whether the SMTP listener received it or an IMAP
 * mailbox was polled for it: read (MIME, quoted thread stripped, threading ids), then stored in each channel's
 * conversation. Storing is idempotent per channel and Message-ID, so a mail taken twice is stored once. A mail
 * that cannot be read is refused with the reason; a failure to store rejects (the mail is to be taken again).
 */
export async function takeMail(
  conversations: ConversationStore,
  raw: Buffer,
  channelKeys: readonly string[],
): Promise<MailTaken> {
  const parsed = await readMail(raw).catch(() => null);
  if (!parsed) return { ok: false, reason: 'the message cannot be read' };
  if (!parsed.ok) return parsed;
  for (const key of channelKeys)
    for (const message of parsed.messages) await conversations.takeInbound({ type: 'email', key }, message);
  return 'ignored' in parsed ? { ok: true, ignored: parsed.ignored } : { ok: true };
}
