import type { BlockType, BotBlock } from '../../bots/blocks/shapes.js';
import { type Locale, pick } from '../kinds.js';

/** Block types as analysts call them, for messages that name a block. */
export const blockTypeNames: Record<BlockType, { ru: string; en: string }> = {
  message: { ru: 'Сообщение', en: 'Message' },
  buttons: { ru: 'Кнопки', en: 'Buttons' },
  ask: { ru: 'Вопрос', en: 'Question' },
  'set-variable': { ru: 'Переменная', en: 'Set variable' },
  condition: { ru: 'Условие', en: 'Condition' },
  script: { ru: 'Сценарий', en: 'Script' },
  integration: { ru: 'Интеграция', en: 'Integration' },
  'kb-search': { ru: 'Поиск в базе знаний', en: 'Knowledge-base search' },
  record: { ru: 'Запись', en: 'Record' },
  process: { ru: 'Процесс', en: 'Process' },
  'hand-over': { ru: 'Передать оператору', en: 'Hand to an operator' },
  'go-to-bot': { ru: 'Перейти в другого бота', en: 'Go to another bot' },
  wait: { ru: 'Ожидание', en: 'Wait' },
  end: { ru: 'Конец', en: 'End' },
};

/** «Вопрос «Телефон» (ask-phone)»: the block's type, its label when it has one, its id. */
export function blockName(block: BotBlock, locale: Locale): string {
  const type = blockTypeNames[block.type];
  if (!type) return block.id;
  return pick(
    locale,
    `${type.ru}${block.label ? ` «${block.label}»` : ''} (${block.id})`,
    `${type.en}${block.label ? ` "${block.label}"` : ''} (${block.id})`,
  );
}
