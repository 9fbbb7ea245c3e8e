import type { Locale } from '../definitions/kinds.js';
import type { Clock } from '../engine.js';
import type { Value } from '../forms/expressions/index.js';
import type { BlockShape } from './block-shape.js';
import type { BotEffect } from './effects.js';
import type { BotEvent } from './events.js';
import type { Waiting } from './session.js';

/** What a block's run or resume sees: its config, the session's variables (to read and set), the clock. */
export interface BlockContext<Block> {
  block: Block;
  /** The session's variables, a copy owned by this step: set them with `set`. */
  variables: Record<string, Value>;
  /** The key of the running bot (a go-to-bot block without a bot starts it again). */
  botKey: string;
  locale: Locale;
  /** The bot's time zone, for expressions' today(). */
  timeZone: string;
  clock: Clock;
  /** The id of an effect this block asks for in this step (`${turn}:${blockId}`). */
  requestId: string;
  /** Where the session waits when resume is called (undefined in run). */
  waiting?: Waiting;
  emit(effect: BotEffect): void;
  /** Sets a variable within the bounds; false when the variable table is full. */
  set(name: string, value: Value): boolean;
  /** A template in the session's language with its `{{variables}}` filled in. */
  text(template: { ru: string; en?: string }): string;
}

/**
 * How a block's run or resume ends: `go` takes a named exit, `wait` stops the turn until an event answers,
 * `end` ends the session (its effect already emitted), `handOver` stops the bot until an operator hands back,
 * `refuse` (resume only) says the event does not answer what the block waits for.
 */
export type BlockOutcome =
  | { go: string }
  | { wait: Omit<Waiting, 'blockId'> }
  | { end: 'end' | 'jump' | 'error'; message?: string }
  | { handOver: true }
  | { refuse: string };

/** The events a waiting block can be resumed with. */
export type ResumeEvent = Extract<
  BotEvent,
  { type: 'message' } | { type: 'timer' } | { type: 'result' } | { type: 'operatorReturned' }
>;

/** A block type as the engine runs it: its shape plus run (arriving at the block) and resume (an answer). */
export interface BlockSpec<Block> extends BlockShape<Block> {
  run(ctx: BlockContext<Block>): BlockOutcome;
  resume?(ctx: BlockContext<Block>, event: ResumeEvent): BlockOutcome;
}
