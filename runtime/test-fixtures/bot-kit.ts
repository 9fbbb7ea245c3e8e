import type { BlockContext } from '../src/bots/block-spec.js';
import type { BotBlock } from '../src/bots/blocks/shapes.js';
import type { BotEffect } from '../src/bots/effects.js';
import { startBot, stepBot } from '../src/bots/engine.js';
import type { BotEvent } from '../src/bots/events.js';
import { type PrepareOptions, prepareBot } from '../src/bots/prepared-bot.js';
import type { BotSession, Waiting } from '../src/bots/session.js';
import { renderTemplate, setVariable } from '../src/bots/variables.js';
import type { BotBody, BotTrigger } from '../src/definitions/bot/schema.js';
import type { Locale } from '../src/definitions/kinds.js';
import { fixedClock } from '../src/engine.js';
import type { Value } from '../src/forms/expressions/index.js';

/** A block of `type` with its config and exits (typeVersion 1), for tests. */
export const block = (
  id: string,
  type: BotBlock['type'],
  config: Record<string, unknown> = {},
  exits: Record<string, string> = {},
): BotBlock => ({ id, type, typeVersion: 1, ...config, exits }) as unknown as BotBlock;

export const say = (id: string, ru: string, next?: string) =>
  block(id, 'message', { text: { ru } }, next ? { next } : {});
export const end = (id = 'end') => block(id, 'end');

/** A bot of `blocks`, started by a new dialog at the first block unless triggers are given. */
export function botBody(blocks: BotBlock[], triggers?: BotTrigger[], extra: Partial<BotBody> = {}): BotBody {
  return {
    schemaVersion: 2,
    title: { ru: 'Тест' },
    triggers: triggers ?? [{ id: 'start', type: 'newDialog', next: blocks[0]?.id ?? 'none' }],
    blocks,
    ...extra,
  };
}

/** Feeds events one after another (event i at time i × 1000) and answers every step. */
export function converse(
  body: BotBody,
  events: BotEvent[],
  options: Partial<PrepareOptions> & { variables?: Record<string, Value>; locale?: Locale } = {},
) {
  const bot = prepareBot(body, { key: 'test-bot', version: 1, ...options });
  let session: BotSession = startBot(bot, options);
  return events.map((event, i) => {
    const result = stepBot(bot, session, event, fixedClock(i * 1000));
    session = result.state;
    return result;
  });
}

export const message = (text: string, buttonId?: string): BotEvent => ({
  type: 'message',
  text,
  ...(buttonId !== undefined ? { buttonId } : {}),
});

/** A context for running one block by itself: the effects it emits land in `effects`. */
export function blockContext<B extends BotBlock>(
  block: B,
  options: {
    variables?: Record<string, Value>;
    waiting?: Omit<Waiting, 'blockId'>;
    locale?: Locale;
    now?: number;
  } = {},
): BlockContext<B> & { effects: BotEffect[] } {
  const effects: BotEffect[] = [];
  const variables = { ...options.variables };
  const locale = options.locale ?? 'ru';
  return {
    block,
    variables,
    botKey: 'test-bot',
    locale,
    timeZone: 'Europe/Moscow',
    clock: fixedClock(options.now ?? 0),
    requestId: `1:${block.id}`,
    ...(options.waiting ? { waiting: { ...options.waiting, blockId: block.id } } : {}),
    emit: (effect) => effects.push(effect),
    set: (name, value) => setVariable(variables, name, value),
    text: (t) => renderTemplate(locale === 'en' && t.en ? t.en : t.ru, variables),
    effects,
  };
}
