import { type BotBlock, shapeOf } from '../../bots/blocks/shapes.js';
import { templateReads } from '../../bots/variables.js';
import { checkExpression, ExpressionError, expressionMessage } from '../../forms/expressions/index.js';
import { isKnownTimeZone } from '../../lines/zoned-time.js';
import { type Locale, type Problem, pick } from '../kinds.js';
import { blockName } from './block-names.js';
import { botGraph, loopsWithoutWaiting, reachableBlocks, reachableWithoutWaiting } from './bot-graph.js';
import type { BotBody } from './schema.js';
import { triggerProblems } from './trigger-semantics.js';
import { initialVariables, variablesSetBefore } from './variable-flow.js';

type Say = (pointer: string, code: string, ru: string, en: string) => void;

/**
 * What makes a bot unpublishable, each problem naming its block: repeated ids, exits left dangling or pointing
 * to missing blocks, exits a block type does not have, blocks no trigger reaches, loops of blocks that never wait
 * (a turn would run forever), variables read before any block sets them, expressions that do not check
 * (unknown functions, syntax), waits outside 1 s … 30 days, patterns RE2 cannot compile, a bot that jumps to
 * itself without waiting. `ownKey` is the bot's key when the caller knows it (a go-to-bot block naming it
 * is a jump to itself too).
 */
export function botProblems(body: BotBody, locale: Locale, ownKey?: string): Problem[] {
  const problems: Problem[] = [];
  const say: Say = (pointer, code, ru, en) => problems.push({ pointer, code, message: pick(locale, ru, en) });
  const graph = botGraph(body);
  const name = (block: BotBlock) => blockName(block, locale);
  body.blocks.forEach((block, i) => {
    if (graph.index.get(block.id) !== i)
      say(`/blocks/${i}/id`, 'duplicate', `Блок ${name(block)} повторяется`, `Block ${name(block)} repeats`);
    exitProblems(block, `/blocks/${i}`, graph.index, name(block), say);
    for (const p of shapeOf(block).problems?.(block) ?? [])
      say(
        `/blocks/${i}${p.pointer}`,
        p.code,
        `Блок ${name(block)}: ${p.ru}`,
        `Block ${name(block)}: ${p.en}`,
      );
  });
  triggerProblems(body, graph.index, say);
  if (body.timeZone && !isKnownTimeZone(body.timeZone))
    say(
      '/timeZone',
      'time_zone',
      `Неизвестный часовой пояс «${body.timeZone}»`,
      `Unknown time zone "${body.timeZone}"`,
    );
  const reachable = reachableBlocks(body, graph);
  body.blocks.forEach((block, i) => {
    if (!reachable.has(block.id) && graph.index.get(block.id) === i)
      say(
        `/blocks/${i}`,
        'unreachable',
        `До блока ${name(block)} не доходит ни один триггер`,
        `No trigger reaches block ${name(block)}`,
      );
  });
  for (const loop of loopsWithoutWaiting(body, graph)) {
    const names = loop.map((i) => name(body.blocks[i] as BotBlock)).join(', ');
    say(
      `/blocks/${loop[0]}`,
      'loop_without_wait',
      `Цикл без ожидания: блоки ${names} повторялись бы бесконечно — добавьте в цикл вопрос, кнопки или ожидание`,
      `A loop that never waits: blocks ${names} would repeat forever — put a question, buttons or a wait in it`,
    );
  }
  variableProblems(body, graph, locale, say);
  selfJumpProblems(body, graph, ownKey, locale, say);
  return problems;
}

function exitProblems(block: BotBlock, at: string, index: Map<string, number>, name: string, say: Say) {
  const declared = shapeOf(block).exits(block);
  const known = new Set(declared.map((e) => e.name));
  for (const exit of declared)
    if (exit.required && block.exits[exit.name] === undefined)
      say(
        `${at}/exits`,
        'dangling',
        `У блока ${name} не задан выход «${exit.name}»: укажите, куда он ведёт`,
        `Block ${name} has no target for its exit "${exit.name}"`,
      );
  for (const [exit, target] of Object.entries(block.exits)) {
    const pointer = `${at}/exits/${exit.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!known.has(exit))
      say(
        pointer,
        'unknown_exit',
        `У блока ${name} нет выхода «${exit}»`,
        `Block ${name} has no exit "${exit}"`,
      );
    else if (!index.has(target))
      say(
        pointer,
        'reference',
        `Выход «${exit}» блока ${name} ведёт к несуществующему блоку «${target}»`,
        `Exit "${exit}" of block ${name} leads to a missing block "${target}"`,
      );
  }
}

/** Expressions that do not check, and variables some block reads that no path from a trigger has set. */
function variableProblems(body: BotBody, graph: ReturnType<typeof botGraph>, locale: Locale, say: Say) {
  const everSet = initialVariables(body);
  for (const trigger of body.triggers)
    if (trigger.type === 'jump') for (const v of trigger.variables ?? []) everSet.add(v);
  for (const block of body.blocks) for (const v of shapeOf(block).sets(block)) everSet.add(v);
  const before = variablesSetBefore(body, graph);
  body.blocks.forEach((block, i) => {
    if (graph.index.get(block.id) !== i) return;
    const name = blockName(block, locale);
    for (const read of shapeOf(block).reads(block)) {
      const pointer = `/blocks/${i}${read.pointer}`;
      let names: string[];
      if ('expression' in read) {
        try {
          names = [...checkExpression(read.expression, everSet).reads];
        } catch (error) {
          if (!(error instanceof ExpressionError)) throw error;
          const why = expressionMessage(error, locale);
          say(pointer, `expression_${error.code}`, `Блок ${name}: ${why}`, `Block ${name}: ${why}`);
          continue;
        }
      } else
        names = 'template' in read ? templateReads(read.template) : [read.variable.split('.')[0] as string];
      for (const variable of new Set(names))
        if (!before[i]?.has(variable))
          say(
            pointer,
            'variable_before_set',
            `Блок ${name} читает переменную «${variable}», которую до него не задаёт ни один блок`,
            `Block ${name} reads the variable "${variable}" that no block sets before it`,
          );
    }
  });
}

/**
 * A go-to-bot block that starts this bot again must not be reachable from the bot's jump trigger without a
 * block that waits: the bot would hand the dialog to itself forever.
 */
function selfJumpProblems(
  body: BotBody,
  graph: ReturnType<typeof botGraph>,
  ownKey: string | undefined,
  locale: Locale,
  say: Say,
) {
  const jumpStarts = body.triggers.filter((t) => t.type === 'jump').map((t) => t.next);
  const runsFromJump = new Set<number>();
  for (const start of jumpStarts)
    for (const i of reachableWithoutWaiting(body, graph, start)) runsFromJump.add(i);
  body.blocks.forEach((block, i) => {
    if (block.type !== 'go-to-bot' || (block.bot !== undefined && block.bot !== ownKey)) return;
    const name = blockName(block, locale);
    if (!jumpStarts.length)
      say(
        `/blocks/${i}`,
        'self_jump_without_trigger',
        `Блок ${name} запускает этого же бота, но у бота нет триггера «Переход из другого бота»`,
        `Block ${name} starts this bot again, but the bot has no jump trigger`,
      );
    else if (runsFromJump.has(i))
      say(
        `/blocks/${i}`,
        'self_jump_without_wait',
        `Блок ${name} запускает этого же бота без ожидания: бот передавал бы диалог себе бесконечно`,
        `Block ${name} starts this bot again without waiting: it would hand the dialog to itself forever`,
      );
  });
}
