import type { MessageView } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';
import { messageView } from '../conversations/rows.js';

/** The visitor's messages the widget may show: never operators' internal notes. */
const visitorMessages = `
  from message m join conversation c on c.id = m.conversation_id join contact ct on ct.id = c.contact_id
 where ct.channel_key = ? and ct.external_id = ? and not m.internal`;

/**
 * The visitor's history after `afterSeq`, oldest first, across all their conversations on this channel (`seq` is one
 * sequence for every message, so a reconnecting widget asks for everything after the last one it has). With no
 * `afterSeq`, the latest `limit` messages.
 */
export async function visitorHistory(
  db: Database,
  visitor: { channelKey: string; visitorId: string },
  afterSeq: number | undefined,
  limit: number,
): Promise<{ messages: MessageView[]; hasMore: boolean }> {
  const params = [visitor.channelKey, visitor.visitorId];
  const rows =
    afterSeq === undefined
      ? (
          await db.query<Record<string, unknown>>(
            `select m.* ${visitorMessages} order by m.seq desc limit ?`,
            [...params, limit + 1],
          )
        ).reverse()
      : await db.query<Record<string, unknown>>(
          `select m.* ${visitorMessages} and m.seq > ? order by m.seq limit ?`,
          [...params, afterSeq, limit + 1],
        );
  const hasMore = rows.length > limit;
  const page = afterSeq === undefined ? rows.slice(rows.length > limit ? 1 : 0) : rows.slice(0, limit);
  return { messages: page.map(messageView), hasMore };
}

/** One message of the visitor's (for a pressed button: the message that offered it). */
export async function visitorMessage(
  db: Database,
  visitor: { channelKey: string; visitorId: string },
  messageId: string,
): Promise<MessageView | null> {
  const [row] = await db.query<Record<string, unknown>>(`select m.* ${visitorMessages} and m.id = ?`, [
    visitor.channelKey,
    visitor.visitorId,
    messageId,
  ]);
  return row ? messageView(row) : null;
}

/** An attachment of one of the visitor's messages, by its file id; null when none of theirs has it. */
export async function visitorAttachment(
  db: Database,
  visitor: { channelKey: string; visitorId: string },
  fileId: string,
): Promise<{ fileId: string; name: string; contentType: string; size: number } | null> {
  const [row] = await db.query<{ attachment: unknown }>(
    `select a.value as attachment
       from message m join conversation c on c.id = m.conversation_id join contact ct on ct.id = c.contact_id
       cross join lateral jsonb_array_elements(m.attachments) a
      where ct.channel_key = ? and ct.external_id = ? and not m.internal and a.value ->> 'fileId' = ? limit 1`,
    [visitor.channelKey, visitor.visitorId, fileId],
  );
  if (!row) return null;
  const value = typeof row.attachment === 'string' ? JSON.parse(row.attachment) : row.attachment;
  return value as { fileId: string; name: string; contentType: string; size: number };
}

/** The visitor's open conversation (the one typing is shown in), if any. */
export async function openConversationOf(
  db: Database,
  visitor: { channelKey: string; visitorId: string },
  tx?: Em,
): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `select c.id from conversation c join contact ct on ct.id = c.contact_id
      where ct.channel_key = ? and ct.external_id = ? and c.status = 'open'
      order by c.last_message_at desc limit 1`,
    [visitor.channelKey, visitor.visitorId],
    tx,
  );
  return row?.id ?? null;
}
