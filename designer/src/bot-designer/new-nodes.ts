import type { BlockOfType, BlockType, BotBlock } from '@opora/runtime/bots';
import type { BotBody, BotTrigger } from '@opora/runtime/definitions';
import { freshId } from './bot-ops';

export type TriggerType = BotTrigger['type'];
export const triggerTypes: TriggerType[] = [
  'newDialog',
  'keyword',
  'phrase',
  'button',
  'event',
  'jump',
  'noReply',
  'schedule',
];

type Config<T extends BlockType> = Omit<BlockOfType<T>, 'id' | 'type' | 'typeVersion' | 'exits'>;

/** The smallest config of each type that passes the schema where it can (keys of other definitions cannot). */
const starters: { [T in BlockType]: (variable: string) => Config<T> } = {
  message: () => ({ text: { ru: 'Новое сообщение' } }),
  buttons: () => ({
    text: { ru: 'Выберите вариант' },
    options: [
      { id: 'o1', label: { ru: 'Вариант 1' } },
      { id: 'o2', label: { ru: 'Вариант 2' } },
    ],
    retries: 1,
  }),
  ask: (variable) => ({
    text: { ru: 'Введите ответ' },
    input: 'text',
    variable,
    retries: 1,
  }),
  'set-variable': (variable) => ({ variable, value: { template: '' } }),
  condition: () => ({ expression: 'true' }),
  script: () => ({ script: '', input: {} }),
  integration: () => ({ integration: '', operation: '', input: {} }),
  'kb-search': () => ({ limit: 3, rounds: 2 }),
  record: () => ({ mode: 'create', entity: '', values: {} }),
  process: () => ({ process: '', variables: {} }),
  'hand-over': () => ({
    line: '',
    text: { ru: 'Соединяю с оператором…' },
    summary: [],
  }),
  'go-to-bot': () => ({}),
  wait: () => ({ seconds: 60, interruptible: true }),
  end: () => ({}),
};

/** Variables blocks already set, so a new question does not overwrite an earlier answer. */
function usedVariables(body: BotBody): string[] {
  return body.blocks.flatMap((b) => ('variable' in b && typeof b.variable === 'string' ? [b.variable] : []));
}

export function newBlock(body: BotBody, type: BlockType, position?: { x: number; y: number }): BotBlock {
  const id = freshId(
    type,
    body.blocks.map((b) => b.id),
  );
  const variable = freshId('answer', usedVariables(body)).replace(/-/g, '_');
  const config = (starters[type] as (v: string) => object)(variable);
  return { id, type, typeVersion: 1, ...(position ? { position } : {}), ...config, exits: {} } as BotBlock;
}

export function newTrigger(body: BotBody, type: TriggerType, next: string): BotTrigger {
  const id = freshId(
    type.toLowerCase(),
    body.triggers.map((t) => t.id),
  );
  switch (type) {
    case 'keyword':
      return { id, type, next, keywords: ['оператор'] };
    case 'phrase':
      return { id, type, next, examples: ['Как оплатить заказ?'] };
    case 'button':
      return { id, type, next, buttonId: 'menu' };
    case 'event':
      return { id, type, next, source: 'processMessage', message: 'done' };
    case 'noReply':
      return { id, type, next, seconds: 300 };
    case 'schedule':
      return { id, type, next, time: '09:00' };
    default:
      return { id, type, next };
  }
}

/** A new option of a buttons block or a choice question: an id no other option has. */
export function newOption(options: readonly { id: string }[]): { id: string; label: { ru: string } } {
  let n = options.length + 1;
  while (options.some((o) => o.id === `o${n}`)) n++;
  return { id: `o${n}`, label: { ru: `Вариант ${n}` } };
}
