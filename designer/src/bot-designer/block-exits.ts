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

/** A short line for the card: what the block says or does. */
export function blockSummary(block: BotBlock): string {
  const cut = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);
  switch (block.type) {
    case 'message':
    case 'buttons':
    case 'ask':
      return cut(block.text.ru);
    case 'end':
    case 'hand-over':
      return cut(block.type === 'hand-over' && block.line ? `→ ${block.line}` : (block.text?.ru ?? ''));
    case 'set-variable':
      return cut(
        `${block.variable} = ${'expression' in block.value ? block.value.expression : block.value.template}`,
      );
    case 'condition':
      return cut(block.expression);
    case 'script':
      return block.script;
    case 'integration':
      return block.integration ? `${block.integration}.${block.operation}` : '';
    case 'kb-search':
      return cut(block.query ?? '{{lastMessage}}');
    case 'record':
      return block.entity;
    case 'process':
      return block.process;
    case 'go-to-bot':
      return block.bot ?? '';
    case 'wait':
      return `${block.seconds} s`;
  }
}
