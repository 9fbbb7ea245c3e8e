import type { Em } from '../../db/database.js';
import { onlineOperators } from '../distribution/operator-loads.js';
import { serves } from '../distribution/serving.js';
import type { BotDeps } from './bot-deps.js';

export type Locale = 'ru' | 'en';

const texts = {
  ru: {
    first: 'Вы первый в очереди — оператор скоро ответит.',
    behind: 'Вы в очереди, перед вами диалогов: {n}.',
    nobody:
      'Сейчас операторов нет на связи. Ваш диалог в очереди — мы ответим, как только оператор появится.',
  },
  en: {
    first: 'You are first in the queue — an operator will answer soon.',
    behind: 'You are in the queue; dialogs ahead of you: {n}.',
    nobody:
      'No operator is available right now. Your dialog is in the queue — we will answer as soon as one is.',
  },
} satisfies Record<Locale, Record<string, string>>;

/** How many dialogs on the line have waited longer than this one and nobody holds yet. */
export async function queuePosition(deps: BotDeps, tx: Em, conversationId: string, lineKey: string) {
  const [ahead] = await deps.db.query<{ n: string | number }>(
    `select count(*) as n from conversation c, (select queued_at, id from conversation where id = ?) me
      where c.line_key = ? and c.status = 'open' and c.handler = 'queue' and c.queued_at is not null
        and (c.queued_at < me.queued_at or (c.queued_at = me.queued_at and c.id < me.id))`,
    [conversationId, lineKey],
    tx,
  );
  return Number(ahead?.n ?? 0);
}

/**
 * Whether anyone online serves the line now: a bot-only line, or one whose operators are all away or offline,
 * has nobody to answer, and a client told "you are first" would wait for nothing.
 */
export async function someoneServes(deps: BotDeps, tx: Em, lineKey: string): Promise<boolean> {
  const line = await deps.lines.get(lineKey, tx);
  if (!line || line.body.botOnly) return false;
  return (await onlineOperators(deps.db, tx)).some((operator) => serves(operator, line.body));
}

/** Tells the client their place in the queue (`ahead` dialogs wait before them). */
export async function tellPosition(
  deps: BotDeps,
  tx: Em,
  conversationId: string,
  ahead: number,
  locale: Locale,
) {
  const say = texts[locale];
  const text = ahead === 0 ? say.first : say.behind.replace('{n}', () => String(ahead));
  await systemSays(deps, tx, conversationId, text);
}

/** Tells the client nobody is there to answer yet, though the dialog waits. */
export function tellNobody(deps: BotDeps, tx: Em, conversationId: string, locale: Locale) {
  return systemSays(deps, tx, conversationId, texts[locale].nobody);
}

async function systemSays(deps: BotDeps, tx: Em, conversationId: string, text: string) {
  await deps.conversations.answerWithin(
    tx,
    conversationId,
    { authorKind: 'system', message: { text, parts: [], attachments: [] } },
    null,
  );
}
