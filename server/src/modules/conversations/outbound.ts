import { randomUUID } from 'node:crypto';
import type { AuthorKind, MessageDraft } from '@opora/runtime/conversations';
import type { Database, Em } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
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

/** The conversation, locked until the transaction ends: answers of one conversation are numbered one at a time. */
export async function lockConversation(db: Database, tx: Em, id: string): Promise<ConversationView> {
  const [row] = await db.query<Record<string, unknown>>(
    'select * from conversation where id = ? for update',
    [id],
    tx,
  );
  if (!row) throw fail.notFound('conversation');
  return conversationView(row);
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
  await db.query(
    `update conversation set message_count = message_count + 1, last_message_at = ?,
       first_response_at = case when ? then ? else first_response_at end
     where id = ?`,
    [now, firstResponse, now, conversation.id],
    tx,
  );
  const message = messageView(row);
  audit(tx, actor, {
    action: 'create',
    targetType: 'message',
    targetId: message.id,
    after: { conversationId: conversation.id, authorKind: input.authorKind, internal },
    at: now,
  });
  return { message, repeated: false };
}
