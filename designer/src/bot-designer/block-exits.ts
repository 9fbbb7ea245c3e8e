import { type BotBlock, blockShapes, type ExitInfo } from '@opora/runtime/bots';

/** The exits a block may take, in the order its shape gives (options first for buttons). */
export const exitsOf = (block: BotBlock): ExitInfo[] =>
  (blockShapes[block.type] as unknown as { exits(b: BotBlock): ExitInfo[] }).exits(block);

export const exitTarget = (block: BotBlock, exit: string): string | undefined =>
  (block.exits as Record<string, string | undefined>)[exit];

/** The label of an exit on the canvas: the option's own label for buttons, the exit's name otherwise. */
export function exitLabel(
  block: BotBlock,
  exit: string,
  t: (key: string) => string,
  lang: 'ru' | 'en' = 'ru',
): string {
  if (exit.startsWith('option:') && 'options' in block) {
    const option = block.options?.find((o) => `option:${o.id}` === exit);
    if (option) return (lang === 'en' && option.label.en) || option.label.ru || option.id;
  }
  return t(`botDesigner.exits.${exit}`);
}

/** A short line for the card: what the block says (words) or does (`code`: an expression, a key, a template). */
export interface BlockSummary {
  text: string;
  code: boolean;
}

const cut = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);
const words = (text: string): BlockSummary => ({ text: cut(text), code: false });
const code = (text: string): BlockSummary => ({ text: cut(text), code: true });

export function blockSummary(
  block: BotBlock,
  t: (key: string, options?: Record<string, unknown>) => string,
): BlockSummary {
  switch (block.type) {
    case 'message':
    case 'buttons':
    case 'ask':
      return words(block.text.ru);
    case 'end':
      return words(block.text?.ru ?? '');
    case 'hand-over':
      return block.line ? code(`→ ${block.line}`) : words(block.text?.ru ?? '');
    case 'set-variable':
      return code(
        `${block.variable} = ${'expression' in block.value ? block.value.expression : block.value.template}`,
      );
    case 'condition':
      return code(block.expression);
    case 'script':
      return code(block.script);
    case 'integration':
      return code(block.integration ? `${block.integration}.${block.operation}` : '');
    case 'kb-search':
      return code(block.query ?? '{{lastMessage}}');
    case 'record':
      return code(block.entity);
    case 'process':
      return code(block.process);
    case 'go-to-bot':
      return code(block.bot ?? '');
    case 'wait':
      return words(t('botDesigner.waitSeconds', { count: block.seconds }));
  }
}
