import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';

/** Past this many, the tab title says «99+»: counting further would read the whole table for nothing. */
export const unreadCountCap = 99;

/**
 * Remembers that an operator has seen a conversation up to message `seq`. The mark only moves forward: a stale
 * tab reporting an older position changes nothing. A seq past the conversation's last message is refused.
 */
export async function markRead(
  db: Database,
  userId: string,
  conversationId: string,
  seq: number,
  now: Date,
): Promise<{ lastReadSeq: number }> {
  const [last] = await db.query<{ seq: string | null }>(
    `select (select max(seq) from message where conversation_id = c.id) as seq from conversation c where c.id = ?`,
    [conversationId],
  );
  if (!last) throw fail.notFound('conversation');
  const upTo = Math.min(seq, Number(last.seq ?? 0));
  const [row] = await db.query<{ last_read_seq: string }>(
    `insert into conversation_read (user_id, conversation_id, last_read_seq, read_at) values (?, ?, ?, ?)
     on conflict (user_id, conversation_id) do update
       set last_read_seq = greatest(conversation_read.last_read_seq, excluded.last_read_seq), read_at = excluded.read_at
     returning last_read_seq`,
    [userId, conversationId, upTo, now],
  );
  return { lastReadSeq: Number(row!.last_read_seq) };
}

/**
 * How many open conversations have a client message the operator has not seen yet, up to {@link unreadCountCap}
 * + 1 (so the screen can say «99+» without the count reading every conversation).
 */
export async function unreadConversations(db: Database, userId: string): Promise<{ count: number }> {
  const [row] = await db.query<{ count: string }>(
    `select count(*) as count from (
       select 1 from conversation c
         left join conversation_read r on r.conversation_id = c.id and r.user_id = ?
        where c.status = 'open' and exists (
          select 1 from message m where m.conversation_id = c.id and m.direction = 'in'
             and m.seq > coalesce(r.last_read_seq, 0))
        limit ?) unread`,
    [userId, unreadCountCap + 1],
  );
  return { count: Number(row?.count ?? 0) };
}
