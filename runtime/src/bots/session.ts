import type { Locale } from '../definitions/kinds.js';
import type { Value } from '../forms/expressions/index.js';

/** What a session waits for at its current block; the next event must answer it. */
export interface Waiting {
  /** `client` a message or a button, `timer` a timer this block set, `result` an effect's result, `operator` a hand-back. */
  kind: 'client' | 'timer' | 'result' | 'operator';
  blockId: string;
  /** How many times the block asked again (retries, knowledge-base rounds); 0 the first time. */
  attempt: number;
  /** When the block's timer fires (epoch ms), if it set one. */
  until?: number;
  /** The key of the block's timer, cancelled when something else moves the session on. */
  timerKey?: string;
  /** The effect whose result the block waits for. */
  requestId?: string;
  /** What the block keeps between its run and its resume (e.g. the articles it offered). */
  data?: Value;
}

/**
 * One client's conversation with one published bot version, as the server stores it between events.
 * `idle` waits for a trigger, `waiting` for what `waiting` says, `handedOver` for an operator to hand back,
 * `ended` for a trigger to start again.
 */
export interface BotSession {
  botKey: string;
  botVersion: number;
  locale: Locale;
  status: 'idle' | 'waiting' | 'handedOver' | 'ended';
  /** The block the session is at (the waiting block, or the last block run). */
  block: string | null;
  waiting: Waiting | null;
  /** The bot's variables (at most {@link maxVariables}, each at most {@link maxValueChars} as text). */
  variables: Record<string, Value>;
  /** Steps accepted so far: request ids and no-reply timers are derived from it. */
  turn: number;
  /** Why the session ended in error, naming the block. */
  error?: { blockId: string; message: string };
}

export const maxVariables = 200;
export const maxValueChars = 10_000;
/** A step runs at most this many blocks: a loop of blocks that never wait cannot run away. */
export const maxBlocksPerStep = 100;

export interface StartOptions {
  botKey: string;
  botVersion: number;
  locale?: Locale;
  variables?: Record<string, Value>;
}
