import type { Database } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { ContactView, ConversationView, MessageView } from './conversation-types.js';
import { contactView, conversationView, messageView } from './rows.js';

type ContactSummary = Pick<ContactView, 'id' | 'channel' | 'displayName' | 'email' | 'phone'>;

export interface TimelinePage {
  conversations: ConversationView[];
  /** The messages of those conversations, oldest first within each. */
  messages: MessageView[];
  /** Every channel identity on the card (to show who wrote from where, and to merge one into another card). */
  contacts: ContactSummary[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextBefore?: string;
}

export const timelineLimits = { conversations: 20, messagesPerConversation: 200 } as const;

const cursorOf = (conversation: ConversationView) => `${conversation.lastMessageAt}|${conversation.id}`;
const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)\|([0-9a-f-]{36})$/;

function parseCursor(before: string | undefined): [string | null, string | null] {
  if (before === undefined) return [null, null];
  const parsed = cursorPattern.exec(before);
  if (!parsed) throw new AppError(400, 'invalid_cursor', 'invalid_cursor');
  return [parsed[1]!, parsed[2]!];
}

/**
 * Everything a client wrote in every channel, as one timeline for the client card: their conversations, most
 * recently active first, a page at a time, each with its latest messages. Internal notes are included: the card
 * is a staff screen.
 */
export async function clientTimeline(
  db: Database,
  clientRecordId: string,
  options: { before?: string; limit?: number } = {},
): Promise<TimelinePage> {
  const limit = Math.min(Math.max(options.limit ?? 10, 1), timelineLimits.conversations);
  const [at, id] = parseCursor(options.before);
  const rows = await db.query<Record<string, unknown>>(
    `select * from conversation where client_record_id = ?
        and (?::timestamptz is null or (last_message_at, id) < (?::timestamptz, ?::uuid))
      order by last_message_at desc, id desc limit ?`,
    [clientRecordId, at, at, id, limit + 1],
  );
  const conversations = rows.slice(0, limit).map(conversationView);
  const messages = conversations.length
    ? (
        await db.query<Record<string, unknown>>(
          `select * from (select m.*, row_number() over (partition by m.conversation_id order by m.seq desc) as nth
             from message m where m.conversation_id = any(?::uuid[])) recent
           where nth <= ? order by conversation_id, seq`,
          [`{${conversations.map((c) => c.id).join(',')}}`, timelineLimits.messagesPerConversation],
        )
      ).map(messageView)
    : [];
  const contacts = (
    await db.query<Record<string, unknown>>(
      'select * from contact where client_record_id = ? order by created_at, id limit 100',
      [clientRecordId],
    )
  ).map(contactView);
  const last = conversations.at(-1);
  return {
    conversations,
    messages,
    contacts: contacts.map(({ id, channel, displayName, email, phone }) => ({
      id,
      channel,
      displayName,
      email,
      phone,
    })),
    ...(rows.length > limit && last ? { nextBefore: cursorOf(last) } : {}),
  };
}
