import type { Clock } from '../engine.js';
import type { Value } from '../forms/expressions/index.js';
import type { BlockContext, BlockOutcome, ResumeEvent } from './block-spec.js';
import type { BotBlock } from './blocks/shapes.js';
import type { BotEffect } from './effects.js';
import type { PreparedBot } from './prepared-bot.js';
import { specOf } from './registry.js';
import { type BotSession, maxBlocksPerStep } from './session.js';
import { renderTemplate, setVariable } from './variables.js';

/** The session a step is building: a copy the step owns, with the effects it has emitted so far. */
export interface Turn {
  bot: PreparedBot;
  session: BotSession;
  effects: BotEffect[];
  clock: Clock;
  /** The blocks run or resumed so far, in order. */
  ran: string[];
}

function contextFor(turn: Turn, block: BotBlock): BlockContext<BotBlock> {
  const { session } = turn;
  const variables = session.variables;
  return {
    block,
    variables,
    botKey: turn.bot.key,
    locale: session.locale,
    timeZone: turn.bot.timeZone,
    clock: turn.clock,
    requestId: `${session.turn}:${block.id}`,
    ...(session.waiting ? { waiting: session.waiting } : {}),
    emit: (effect) => turn.effects.push(effect),
    set: (name: string, value: Value) => setVariable(variables, name, value),
    text: (template) =>
      renderTemplate(session.locale === 'en' && template.en ? template.en : template.ru, variables),
  };
}

/** Resumes the block the session waits at with `event`; answers a refusal reason, or null when it went on. */
export function resumeAt(turn: Turn, block: BotBlock, event: ResumeEvent): string | null {
  const spec = specOf(block);
  let outcome: BlockOutcome;
  try {
    outcome = spec.resume
      ? spec.resume(contextFor(turn, block), event)
      : { refuse: 'the block does not wait' };
  } catch (error) {
    outcome = { end: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if ('refuse' in outcome) return outcome.refuse;
  turn.ran.push(block.id);
  turn.session.waiting = null;
  const next = follow(turn, block, outcome);
  if (next !== null) runFrom(turn, next, 1);
  return null;
}

/**
 * Runs blocks from `blockId` until one waits or the session ends. A step runs at most {@link maxBlocksPerStep}
 * blocks (`alreadyRun` counts a resumed block): past that the session ends with an error naming the block.
 */
export function runFrom(turn: Turn, blockId: string, alreadyRun = 0): void {
  let id = blockId;
  for (let count = alreadyRun + 1; ; count++) {
    const block = turn.bot.blocks.get(id);
    if (!block) {
      fail(turn, turn.session.block ?? id, `no block "${id}" to go to`);
      return;
    }
    turn.session.waiting = null;
    turn.session.block = block.id;
    if (count > maxBlocksPerStep) {
      fail(
        turn,
        block.id,
        `more than ${maxBlocksPerStep} blocks in one step: block "${block.id}" is on a loop that never waits`,
      );
      return;
    }
    turn.ran.push(block.id);
    let outcome: BlockOutcome;
    try {
      outcome = specOf(block).run(contextFor(turn, block));
    } catch (error) {
      outcome = { end: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    if ('refuse' in outcome) outcome = { end: 'error', message: outcome.refuse };
    const next = follow(turn, block, outcome);
    if (next === null) return;
    id = next;
  }
}

/** Applies one block's outcome to the session; answers the block to run next, or null when the turn stops. */
function follow(
  turn: Turn,
  block: BotBlock,
  outcome: Exclude<BlockOutcome, { refuse: string }>,
): string | null {
  const { session } = turn;
  if ('go' in outcome) {
    const target = block.exits[outcome.go];
    if (target !== undefined) return target;
    fail(turn, block.id, `block "${block.id}" has no target for its exit "${outcome.go}"`);
    return null;
  }
  if ('wait' in outcome) {
    session.status = 'waiting';
    session.waiting = { ...outcome.wait, blockId: block.id };
  } else if ('handOver' in outcome) {
    session.status = 'handedOver';
    session.waiting = { kind: 'operator', blockId: block.id, attempt: 0 };
  } else if (outcome.end === 'error') fail(turn, block.id, outcome.message ?? 'the block failed');
  else finish(turn, block.id, outcome.end);
  return null;
}

/** Ends the session as the block asked (an end block, a jump to another bot). */
function finish(turn: Turn, blockId: string, reason: 'end' | 'jump'): void {
  turn.session.status = 'ended';
  turn.session.waiting = null;
  turn.effects.push({ type: 'ended', reason, blockId });
}

/** Ends the session with an error naming the block: the engine never throws at its caller. */
export function fail(turn: Turn, blockId: string, message: string): void {
  turn.session.status = 'ended';
  turn.session.waiting = null;
  turn.session.error = { blockId, message };
  turn.effects.push({ type: 'ended', reason: 'error', blockId, message });
}
