import type { OutboundMessage } from '@opora/runtime/conversations';
import type { JobContext } from '../../adapters/job-queue/index.js';
import { GiveUp, NotYet } from '../../adapters/job-queue/index.js';
import type { Database, Em } from '../../db/database.js';
import type { FileStore } from '../files/file-store.js';
import type { ChannelDirectory } from './channel-directory.js';
import type { ConversationView, MessageView } from './conversation-types.js';
import { readAttachments } from './inbound-files.js';
import { contactView, conversationView, messageView } from './rows.js';

export const sendJobName = 'conversation.send';

/** Tells the screens that a message's delivery state moved on, in the job's transaction. */
export type DeliveryPush = (tx: Em, conversation: ConversationView, message: MessageView) => Promise<void>;

export interface SendJobPayload {
  messageId: string;
}

/** The job's idempotency key: one send job per message, however often the answer was stored or retried. */
export const sendJobKey = (messageId: string) => `${sendJobName}:${messageId}`;

/**
 * Sends one queued answer through its channel's adapter and records Telegram's (or the mail server's) id of it in
 * the job's own transaction, so the message is marked `sent` exactly when the job is done. A message already sent
 * (a retried job after a crash that came after the commit) is left alone. When retrying cannot help (no such
 * channel, an adapter's `GiveUp`), the message is marked `failed` with the reason, for the operator to see, and the
 * job ends; other errors fail the attempt and the queue retries it.
 */
/** How soon a send waiting for an earlier answer of its dialog looks again. */
const orderPollMs = 200;

/**
 * Send jobs run side by side (several per worker, several workers), so two answers of one dialog — a bot's turn
 * often writes two or three — could reach the client in either order. An answer waits while an earlier one of the
 * same dialog is still queued (being sent, or retried after a channel error). Only answers queued in the last ten
 * minutes hold it back: one that never got a send job (a bug, a lost enqueue) must not silence the dialog.
 */
async function earlierAnswerOnItsWay(
  db: Database,
  tx: Em,
  conversationId: string,
  seq: number,
): Promise<boolean> {
  const rows = await db.query(
    `select 1 from message
      where conversation_id = ? and seq < ? and delivery = 'queued' and created_at > now() - interval '10 minutes'
      limit 1`,
    [conversationId, seq],
    tx,
  );
  return rows.length > 0;
}

export function sendJob(
  db: Database,
  channels: ChannelDirectory,
  fileStore: FileStore,
  push: DeliveryPush = async () => undefined,
) {
  return async (payload: unknown, ctx: JobContext): Promise<void> => {
    const { messageId } = payload as SendJobPayload;
    const [row] = await db.query<Record<string, unknown>>(
      `select m.*, row_to_json(c) as conversation_row, row_to_json(k) as contact_row
         from message m join conversation c on c.id = m.conversation_id join contact k on k.id = c.contact_id
        where m.id = ? for update of m`,
      [messageId],
      ctx.em,
    );
    if (!row) return;
    const message = messageView(row);
    if (message.delivery !== 'queued' && message.delivery !== 'failed') return;
    const conversation = conversationView(row.conversation_row as Record<string, unknown>);
    if (await earlierAnswerOnItsWay(db, ctx.em, conversation.id, message.seq))
      throw new NotYet(
        `an earlier answer of conversation ${conversation.id} is still being sent`,
        orderPollMs,
      );
    const contact = contactView(row.contact_row as Record<string, unknown>);
    const channel = await channels.resolve(conversation.channelKey, ctx.em);
    const mark = (delivery: 'sent' | 'failed', externalId: string | null, error: string | null) =>
      markDelivery(db, ctx.em, { conversation, message, delivery, externalId, error }, push);
    if (!channel) return mark('failed', null, `channel ${conversation.channelKey} is not configured`);
    const thread = await db.query<{ external_id: string }>(
      `select external_id from message where conversation_id = ? and external_id is not null and seq < ?
        order by seq desc limit 20`,
      [conversation.id, message.seq],
      ctx.em,
    );
    const outbound: OutboundMessage = {
      to: {
        externalId: contact.externalId,
        email: contact.email ?? undefined,
        displayName: contact.displayName ?? undefined,
      },
      message: { text: message.text, parts: message.parts, attachments: message.attachments },
      files: await readAttachments(fileStore, message.attachments),
      thread: thread.map((t) => t.external_id).reverse(),
      subject: conversation.subject ?? undefined,
      idempotencyKey: message.id,
    };
    try {
      const sent = await channel.adapter.send(channel.settings, outbound);
      await mark('sent', sent.externalMessageId, null);
    } catch (error) {
      if (error instanceof GiveUp) return mark('failed', null, error.message);
      throw error;
    }
  };
}

/**
 * Records how far a message got in the job's own transaction. A failure ends the job: nothing more can be done
 * for it, and failing the job instead would roll this mark back with it.
 */
async function markDelivery(
  db: Database,
  tx: Em,
  change: {
    conversation: ConversationView;
    message: MessageView;
    delivery: 'sent' | 'failed';
    externalId: string | null;
    error: string | null;
  },
  push: DeliveryPush,
): Promise<void> {
  const { conversation, message, delivery, externalId, error } = change;
  await db.query(
    `update message set delivery = ?, external_id = coalesce(?, external_id), delivery_error = ? where id = ?`,
    [delivery, externalId, error?.slice(0, 1000) ?? null, message.id],
    tx,
  );
  await push(tx, conversation, { ...message, delivery, externalId: externalId ?? message.externalId });
}
