import { randomUUID } from 'node:crypto';
import type { AuthorKind, MessageDraft } from '@opora/runtime/conversations';
import type { Database, Em, Statement } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import { auditLater } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { ClientParty } from './conversation-push.js';
import type { ConversationView, MessageView } from './conversation-types.js';
import { conversationView, messageView } from './rows.js';

export interface OutboundInput {
  authorKind: Exclude<AuthorKind, 'client'>;
  message: MessageDraft;
  /** An operator's note for colleagues: stored in the history, never sent to the client. */
  internal?: boolean;
  /** The writer's own id of the message (the operator screen's, a bot turn's): a retry with it stores nothing new. */
  clientMessageId?: string;
}

/** The statement locking a conversation (see {@link lockConversation}), for a caller batching it with others. */
export const lockConversationStatement = (id: string): Statement => ({
  sql: 'select * from conversation where id = ? for update',
  params: [id],
});

/** The conversation of {@link lockConversationStatement}'s rows; a 404 when there is none. */
export function lockedConversationOf(rows: readonly unknown[]): ConversationView {
  const [row] = rows as Record<string, unknown>[];
  if (!row) throw fail.notFound('conversation');
  return conversationView(row);
}

/** The conversation, locked until the transaction ends: answers of one conversation are numbered one at a time. */
export async function lockConversation(db: Database, tx: Em, id: string): Promise<ConversationView> {
  const { sql, params } = lockConversationStatement(id);
  return lockedConversationOf(await db.query(sql, [...params], tx));
}

/**
 * {@link lockConversation} that also reads who hears the conversation's messages on the client's side (their
 * channel identity, their portal accounts), in the same statement: an answer pushes to them next.
 */
export async function lockConversationAndParty(
  db: Database,
  tx: Em,
  id: string,
): Promise<{ conversation: ConversationView; party: ClientParty | null }> {
  const [row] = await db.query<Record<string, unknown>>(
    `select c.*, ct.channel as party_channel, ct.external_id as party_external_id,
       (select array_agg(u.id) from app_user u where u.active and u.record_id = c.client_record_id) as party_users
     from conversation c left join contact ct on ct.id = c.contact_id where c.id = ? for update of c`,
    [id],
    tx,
  );
  if (!row) throw fail.notFound('conversation');
  const party =
    row.party_channel == null
      ? null
      : {
          channel: String(row.party_channel),
          externalId: String(row.party_external_id),
          users: (row.party_users as string[] | null) ?? [],
        };
  return { conversation: conversationView(row), party };
}

/**
 * Appends an answer to a conversation: `queued` for delivery unless it is an internal note; the first answer of
 * an operator stamps the first response time (the SLA's clock). A repeated `clientMessageId` answers the message
 * stored the first time.
 */
export async function appendOutbound(
  db: Database,
  tx: Em,
  conversation: ConversationView,
  input: OutboundInput,
  actor: Actor | null,
  now: Date,
): Promise<{ message: MessageView; repeated: boolean }> {
  const internal = input.internal === true;
  // A repeated `clientMessageId` inserts nothing: the earlier message is read only then (one statement otherwise).
  const [row] = await db.query<Record<string, unknown>>(
    `insert into message (id, conversation_id, direction, author_kind, author_user_id, internal, text, parts,
       attachments, client_message_id, delivery, created_at)
     values (?, ?, 'out', ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
     on conflict (conversation_id, client_message_id) do nothing returning *`,
    [
      randomUUID(),
      conversation.id,
      input.authorKind,
      actor?.id ?? null,
      internal,
      input.message.text,
      JSON.stringify(input.message.parts),
      JSON.stringify(input.message.attachments),
      input.clientMessageId ?? null,
      internal ? null : 'queued',
      now,
    ],
    tx,
  );
  if (!row && input.clientMessageId) {
    const [earlier] = await db.query<Record<string, unknown>>(
      'select * from message where conversation_id = ? and client_message_id = ?',
      [conversation.id, input.clientMessageId],
      tx,
    );
    if (earlier) return { message: messageView(earlier), repeated: true };
  }
  if (!row) throw new Error('message insert returned no row');
  const firstResponse = !internal && input.authorKind === 'operator' && !conversation.firstResponseAt;
  // Nobody waits for the count or the audit row: both go with the transaction's next statement.
  await db.defer(
    `update conversation set message_count = message_count + 1, last_message_at = ?,
       first_response_at = case when ? then ? else first_response_at end
     where id = ?`,
    [now, firstResponse, now, conversation.id],
    tx,
  );
  const message = messageView(row);
  await auditLater(db, tx, actor, {
    action: 'create',
    targetType: 'message',
    targetId: message.id,
    after: { conversationId: conversation.id, authorKind: input.authorKind, internal },
    at: now,
  });
  return { message, repeated: false };
}
