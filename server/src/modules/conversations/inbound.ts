import { randomUUID } from 'node:crypto';
import type { ChannelType, InboundMessage } from '@opora/runtime/conversations';
import type { Database, Em } from '../../db/database.js';
import { toPgArray } from '../../db/pg-array.js';
import { audit } from '../audit/audit-log.js';
import type { ContactView, ConversationView, MessageView } from './conversation-types.js';
import { conversationView, messageView } from './rows.js';

export interface TakenInbound {
  conversation: ConversationView;
  message: MessageView;
  /** True when the channel had delivered this message before: nothing was written this time. */
  duplicate: boolean;
  /** True when this message opened a new conversation. */
  opened: boolean;
}

/**
 * Claims the channel's own id of an inbound message; false when it was taken before (a redelivered webhook, an
 * e-mail fetched twice). A concurrent claim of the same id waits for the first transaction, then sees it.
 */
export async function claimInbound(db: Database, tx: Em, channelKey: string, externalId: string, now: Date) {
  const claimed = await db.query(
    `insert into channel_inbound (channel_key, external_id, received_at) values (?, ?, ?)
     on conflict do nothing returning external_id`,
    [channelKey, externalId, now],
    tx,
  );
  return claimed.length > 0;
}

/** The message a redelivered inbound id produced the first time. */
export async function earlierInbound(db: Database, tx: Em, channelKey: string, externalId: string) {
  const [row] = await db.query<Record<string, unknown>>(
    `select m.* from channel_inbound i join message m on m.id = i.message_id
      where i.channel_key = ? and i.external_id = ?`,
    [channelKey, externalId],
    tx,
  );
  return row ? messageView(row) : null;
}

/**
 * The conversation an inbound message belongs to: the one holding a message it replies to (e-mail threading;
 * a closed one is reopened) of the same person — a contact of theirs, or one with their address, such as the
 * thread of a request they sent anonymously — else the contact's open conversation, else a new one. `queued`
 * tells whether it already waits in a line's queue, read from the same row (routing needs no second look).
 */
export async function conversationFor(
  db: Database,
  tx: Em,
  contact: ContactView,
  inbound: InboundMessage,
  now: Date,
): Promise<{ conversation: ConversationView; opened: boolean; queued: boolean }> {
  const threaded = inbound.replyTo?.length
    ? await db.query<Record<string, unknown>>(
        `update conversation c set status = 'open', closed_at = null, resolved_at = null,
           handler = case when c.status = 'closed' then 'queue' else c.handler end
          where c.id = (select m.conversation_id from message m join conversation mc on mc.id = m.conversation_id
                         where m.external_id = any(?::text[]) and mc.contact_id in
                           (select id from contact where id = ? or client_record_id = ? or email = ?)
                         order by m.seq desc limit 1)
          returning *`,
        [toPgArray(inbound.replyTo.slice(0, 50)), contact.id, contact.clientRecordId, contact.email],
        tx,
      )
    : [];
  if (threaded[0])
    return { conversation: conversationView(threaded[0]), opened: false, queued: isQueued(threaded[0]) };
  const [open] = await db.query<Record<string, unknown>>(
    `select * from conversation where contact_id = ? and status = 'open'
      order by last_message_at desc limit 1 for update`,
    [contact.id],
    tx,
  );
  if (open) return { conversation: conversationView(open), opened: false, queued: isQueued(open) };
  const [created] = await db.query<Record<string, unknown>>(
    `insert into conversation (id, channel, channel_key, contact_id, client_record_id, subject, status, handler,
       opened_at, last_message_at)
     values (?, ?, ?, ?, ?, ?, 'open', 'queue', ?, ?) returning *`,
    [
      randomUUID(),
      contact.channel,
      contact.channelKey,
      contact.id,
      contact.clientRecordId,
      inbound.subject?.trim().slice(0, 300) || null,
      now,
      now,
    ],
    tx,
  );
  if (!created) throw new Error('conversation insert returned no row');
  return { conversation: conversationView(created), opened: true, queued: false };
}

/** Whether a conversation row waits in a line's queue already (routing leaves such a dialog as it is). */
export const isQueued = (row: Record<string, unknown>) => row.queued_at != null;

/** Appends a client's message to its conversation and remembers which channel id produced it. */
export async function appendInbound(
  db: Database,
  tx: Em,
  channel: { type: ChannelType; key: string },
  conversation: ConversationView,
  inbound: InboundMessage,
  now: Date,
): Promise<MessageView> {
  const [row] = await db.query<Record<string, unknown>>(
    `insert into message (id, conversation_id, direction, author_kind, text, parts, attachments, external_id,
       created_at)
     values (?, ?, 'in', 'client', ?, ?::jsonb, ?::jsonb, ?, ?) returning *`,
    [
      randomUUID(),
      conversation.id,
      inbound.message.text,
      JSON.stringify(inbound.message.parts),
      JSON.stringify(inbound.message.attachments),
      inbound.externalMessageId,
      now,
    ],
    tx,
  );
  if (!row) throw new Error('message insert returned no row');
  const message = messageView(row);
  await db.query(
    `update conversation set message_count = message_count + 1, last_message_at = ? where id = ?`,
    [now, conversation.id],
    tx,
  );
  await db.query(
    'update channel_inbound set message_id = ? where channel_key = ? and external_id = ?',
    [message.id, channel.key, inbound.externalMessageId],
    tx,
  );
  audit(tx, null, {
    action: 'create',
    targetType: 'message',
    targetId: message.id,
    after: { conversationId: conversation.id, channel: channel.key, externalId: inbound.externalMessageId },
    at: now,
  });
  return message;
}
