import type { ContactSummary, ConversationListPage } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { toPgArray } from '../../db/pg-array.js';
import { fail } from '../../http/app-error.js';
import type { ConversationView, MessageView } from './conversation-types.js';
import { contactView, conversationView, messageView } from './rows.js';

const contactSummary = (row: Record<string, unknown>): ContactSummary => {
  const { id, channel, displayName, email, phone } = contactView(row);
  return { id, channel, displayName, email, phone };
};

/**
 * Conversations for the operators' list, most recently active first, each with its contact and last message
 * (one statement: a lateral join reads one message per row through the (conversation_id, seq) index).
 */
export async function listConversations(
  db: Database,
  query: {
    status?: 'open' | 'closed';
    limit: number;
    offset: number;
    userId: string;
    /** «На мне»: open dialogs this operator holds; «На команде»: waiting dialogs of these lines (or of none). */
    scope?: { mine: string } | { queueOf: readonly string[] };
  },
): Promise<ConversationListPage> {
  const scope = query.scope;
  const mine = scope && 'mine' in scope ? scope.mine : null;
  const queueOf = scope && 'queueOf' in scope ? toPgArray(scope.queueOf) : null;
  const rows = await db.query<Record<string, unknown>>(
    `select c.*, row_to_json(k) as contact_row, row_to_json(m) as message_row,
            coalesce(r.last_read_seq, 0) as last_read_seq,
            (select count(*) from message u where u.conversation_id = c.id and u.direction = 'in'
                and u.seq > coalesce(r.last_read_seq, 0)) as unread
       from conversation c
       join contact k on k.id = c.contact_id
       left join conversation_read r on r.conversation_id = c.id and r.user_id = ?
       left join lateral (select * from message where conversation_id = c.id order by seq desc limit 1) m on true
      where (?::text is null or c.status = ?)
        and c.message_count > 0 -- a request's thread nobody wrote in yet is no dialog
        and (?::uuid is null or (c.status = 'open' and c.handler = 'operator' and c.operator_id = ?::uuid))
        and (?::text[] is null or (c.status = 'open' and c.handler = 'queue'
              and (c.line_key is null or c.line_key = any(?::text[]))))
      order by ${queueOf ? 'c.priority desc, c.queued_at, c.id' : 'c.last_message_at desc, c.id desc'}
      limit ? offset ?`,
    [
      query.userId,
      query.status ?? null,
      query.status ?? null,
      mine,
      mine,
      queueOf,
      queueOf,
      query.limit + 1,
      query.offset,
    ],
  );
  const items = rows.slice(0, query.limit).map((row) => {
    return {
      ...conversationView(row),
      contact: contactSummary(row.contact_row as Record<string, unknown>),
      lastMessage: row.message_row ? messageView(row.message_row as Record<string, unknown>) : null,
      lastReadSeq: Number(row.last_read_seq),
      unread: Number(row.unread),
    };
  });
  return { items, hasMore: rows.length > query.limit, limit: query.limit, offset: query.offset };
}

/**
 * The messages of one conversation, oldest first: after a known one (by `seq`) — the history, then what is new —
 * or, with `beforeSeq`, the latest `limit` ones before it, for a long history read backwards as the screen scrolls.
 */
export async function conversationMessages(
  db: Database,
  conversationId: string,
  query: { afterSeq: number; beforeSeq?: number; limit: number },
): Promise<{ conversation: ConversationView; contact: ContactSummary; messages: MessageView[] }> {
  const [conversation] = await db.query<Record<string, unknown>>(
    'select c.*, row_to_json(k) as contact_row from conversation c join contact k on k.id = c.contact_id where c.id = ?',
    [conversationId],
  );
  if (!conversation) throw fail.notFound('conversation');
  const messages =
    query.beforeSeq === undefined
      ? await db.query<Record<string, unknown>>(
          'select * from message where conversation_id = ? and seq > ? order by seq limit ?',
          [conversationId, query.afterSeq, query.limit],
        )
      : (
          await db.query<Record<string, unknown>>(
            'select * from message where conversation_id = ? and seq > ? and seq < ? order by seq desc limit ?',
            [conversationId, query.afterSeq, query.beforeSeq, query.limit],
          )
        ).reverse();
  return {
    conversation: conversationView(conversation),
    contact: contactSummary(conversation.contact_row as Record<string, unknown>),
    messages: messages.map(messageView),
  };
}
