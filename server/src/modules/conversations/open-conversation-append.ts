import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '@opora/runtime/conversations';
import type { Database, Em } from '../../db/database.js';
import type { ContactView, ConversationView, MessageView } from './conversation-types.js';
import { isQueued } from './inbound.js';
import { conversationView, messageView } from './rows.js';

export interface AppendedToOpen {
  conversation: ConversationView;
  message: MessageView;
  /** Portal accounts of the conversation's client: who hears the message live besides the screens. */
  clientUsers: string[];
  /** Whether the conversation waits in a line's queue already (else routing still has to place it). */
  queued: boolean;
}

/**
 * The common case of an inbound message — a known person writing on in their open conversation — in one
 * statement: lock the conversation, insert the message, count it, remember which channel id produced it, and
 * write the audit row. Null when the case does not apply (the message threads into another conversation by
 * `replyTo`, a pressed button may answer a closed one, the contact still has to be recognised as a client, or no conversation is open): the caller takes
 * the general path, in the same transaction.
 */
export async function appendToOpenConversation(
  db: Database,
  tx: Em,
  channelKey: string,
  contact: ContactView,
  inbound: InboundMessage,
  now: Date,
): Promise<AppendedToOpen | null> {
  if (inbound.replyTo?.length || inbound.pressed || !knownOrAnonymous(contact)) return null;
  // Planning this statement costs about as much as running it: prepared once per connection.
  const [row] = await db.queryPrepared<{
    message: unknown;
    conversation: unknown;
    client_users: string[] | null;
  }>(
    `with conv as (
       select id from conversation where contact_id = ? and status = 'open'
        order by last_message_at desc limit 1 for update),
     msg as (
       insert into message (id, conversation_id, direction, author_kind, text, parts, attachments, external_id,
         created_at)
       select ?, conv.id, 'in', 'client', ?, ?::jsonb, ?::jsonb, ?, ? from conv returning *),
     bump as (
       update conversation c set message_count = c.message_count + 1, last_message_at = msg.created_at
         from msg where c.id = msg.conversation_id returning c.*),
     linked as (
       update channel_inbound i set message_id = msg.id from msg
        where i.channel_key = ? and i.external_id = ?),
     audited as (
       insert into audit_log (at, action, target_type, target_id, after)
       select msg.created_at, 'create', 'message', msg.id::text,
              jsonb_build_object('conversationId', msg.conversation_id, 'channel', ?::text, 'externalId', ?::text)
         from msg)
     select to_jsonb(msg.*) as message, to_jsonb(bump.*) as conversation,
       (select array_agg(u.id) from app_user u where u.active and u.record_id = bump.client_record_id) as client_users
     from msg, bump`,
    [
      contact.id,
      randomUUID(),
      inbound.message.text,
      JSON.stringify(inbound.message.parts),
      JSON.stringify(inbound.message.attachments),
      inbound.externalMessageId,
      now,
      channelKey,
      inbound.externalMessageId,
      channelKey,
      inbound.externalMessageId,
    ],
    tx,
  );
  if (!row) return null;
  return {
    message: messageView(asRow(row.message)),
    conversation: conversationView(asRow(row.conversation)),
    clientUsers: row.client_users ?? [],
    queued: isQueued(asRow(row.conversation)),
  };
}

/**
 * A contact whose client card is settled: linked to one already, or telling nothing a card could be found or made
 * by (an anonymous widget visitor). Anyone else goes through client recognition first.
 */
const knownOrAnonymous = (contact: ContactView) =>
  contact.clientRecordId !== null || (!contact.displayName && !contact.email && !contact.phone);

const asRow = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
