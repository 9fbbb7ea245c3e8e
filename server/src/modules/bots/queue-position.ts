import type { Em } from '../../db/database.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import type { BotDeps } from './bot-deps.js';

const texts = {
  ru: {
    first: 'Вы первый в очереди — оператор скоро ответит.',
    behind: 'Вы в очереди, перед вами диалогов: {n}.',
  },
  en: {
    first: 'You are first in the queue — an operator will answer soon.',
    behind: 'You are in the queue; dialogs ahead of you: {n}.',
  },
};

/**
 * Tells a client the bot handed over where they stand in the line's queue: how many dialogs on the line have
 * waited longer and nobody holds yet.
 */
export async function tellQueuePosition(
  deps: BotDeps,
  tx: Em,
  conversation: ConversationView,
  locale: 'ru' | 'en',
) {
  if (conversation.handler !== 'queue' || !conversation.lineKey) return;
  const [ahead] = await deps.db.query<{ n: string | number }>(
    `select count(*) as n from conversation c, (select queued_at, id from conversation where id = ?) me
      where c.line_key = ? and c.status = 'open' and c.handler = 'queue' and c.queued_at is not null
        and (c.queued_at < me.queued_at or (c.queued_at = me.queued_at and c.id < me.id))`,
    [conversation.id, conversation.lineKey],
    tx,
  );
  const n = Number(ahead?.n ?? 0);
  const say = texts[locale];
  const text = n === 0 ? say.first : say.behind.replace('{n}', () => String(n));
  await deps.conversations.answerWithin(
    tx,
    conversation.id,
    { authorKind: 'system', message: { text, parts: [], attachments: [] } },
    null,
  );
}
