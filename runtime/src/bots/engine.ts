import type { Clock, Engine, StepResult } from '../engine.js';
import type { Value } from '../forms/expressions/index.js';
import type { ResumeEvent } from './block-spec.js';
import type { BotEffect } from './effects.js';
import type { BotEvent } from './events.js';
import { noReplyTimers } from './no-reply.js';
import type { PreparedBot } from './prepared-bot.js';
import { fail, resumeAt, runFrom, type Turn } from './run-blocks.js';
import type { BotSession, StartOptions } from './session.js';
import { matchTrigger } from './triggers.js';
import { setVariable } from './variables.js';

/**
 * One step of a bot session; `refused` is set when the event answers nothing here (the session is unchanged).
 * `ran` names the blocks the step ran or resumed, in order (a block run twice, twice): what the server counts as
 * the blocks a session reached, for the designer's per-block statistics.
 */
export type BotStep = StepResult<BotSession, BotEffect> & { ran?: string[] };

/** A session no event has reached yet: idle, with the bot's declared initial variables and the caller's. */
export function startBot(bot: PreparedBot, options: Partial<StartOptions> = {}): BotSession {
  const variables: Record<string, Value> = {};
  for (const v of bot.body.variables ?? [])
    if (v.initial !== undefined) setVariable(variables, v.name, v.initial);
  for (const [name, value] of Object.entries(options.variables ?? {})) setVariable(variables, name, value);
  return {
    botKey: bot.key,
    botVersion: bot.version,
    locale: options.locale ?? 'ru',
    status: 'idle',
    block: null,
    waiting: null,
    variables,
    turn: 0,
  };
}

const refuse = (session: BotSession, why: string): BotStep => ({ state: session, effects: [], refused: why });

/**
 * One step: `stepBot(bot, session, event, clock) → { state, effects }`, the engine contract of `engine.ts`.
 * Pure and total: no I/O, no wall clock but `clock`, and it never throws — a block that fails or a loop past
 * {@link maxBlocksPerStep} ends the session with an `ended` effect naming the block.
 *
 * An event either answers what the session waits for (a client's message to a question, a timer, an effect's
 * result, an operator's hand-back) and resumes that block, or starts a trigger chain; a turn runs blocks until
 * the first that waits.
 */
export function stepBot(bot: PreparedBot, session: BotSession, event: BotEvent, clock: Clock): BotStep {
  const turn: Turn = {
    bot,
    session: { ...session, variables: { ...session.variables }, turn: session.turn + 1 },
    effects: [],
    clock,
    ran: [],
  };
  const why = route(turn, session, event);
  if (why !== null) return refuse(session, why);
  turn.effects.push(...noReplyTimers(bot, session, turn.session, clock));
  return { state: turn.session, effects: turn.effects, ran: turn.ran };
}

/**
 * An operator hands the dialog back to the bot at `blockId`: the block the session waits at for an operator (or a
 * timer) resumes as {@link stepBot} with `operatorReturned` would; any other block (an earlier question, a step
 * the operator chose) runs afresh from the start, whatever the session was doing. Refused for a block the bot
 * version does not have.
 */
export function returnToBot(bot: PreparedBot, session: BotSession, blockId: string, clock: Clock): BotStep {
  const waiting = session.waiting;
  if (waiting?.blockId === blockId && (waiting.kind === 'operator' || waiting.kind === 'timer'))
    return stepBot(bot, session, { type: 'operatorReturned', blockId }, clock);
  if (!bot.blocks.has(blockId)) return refuse(session, `no block "${blockId}" in this bot version`);
  const turn: Turn = {
    bot,
    session: { ...session, variables: { ...session.variables }, turn: session.turn + 1 },
    effects: [],
    clock,
    ran: [],
  };
  startTrigger(turn, blockId, undefined);
  turn.effects.push(...noReplyTimers(bot, session, turn.session, clock));
  return { state: turn.session, effects: turn.effects, ran: turn.ran };
}

/** Sends the event where it belongs; answers why it was refused, or null. */
function route(turn: Turn, before: BotSession, event: BotEvent): string | null {
  const waiting = before.waiting;
  if (event.type === 'message') setVariable(turn.session.variables, 'lastMessage', event.text.slice(0, 4000));
  switch (event.type) {
    case 'timer':
      if (waiting?.kind !== 'timer' || waiting.blockId !== event.blockId || waiting.attempt !== event.attempt)
        return 'the timer is no longer awaited';
      return resumeWaiting(turn, event);
    case 'result':
      if (waiting?.kind !== 'result' || waiting.requestId !== event.requestId)
        return 'no block awaits this result';
      return resumeWaiting(turn, event);
    case 'operatorReturned':
      if (
        !waiting ||
        waiting.blockId !== event.blockId ||
        (waiting.kind !== 'operator' && waiting.kind !== 'timer')
      )
        return 'the bot does not wait for an operator at this block';
      turn.session.status = 'waiting';
      return resumeWaiting(turn, event);
    case 'message': {
      if (before.status === 'handedOver') return 'the dialog is with an operator';
      const waitsForClient = waiting?.kind === 'client' || waiting?.kind === 'timer';
      const busy = before.status === 'waiting';
      const trigger = matchTrigger(turn.bot, before, event, busy);
      if (trigger) return startTrigger(turn, trigger.next, event);
      if (waitsForClient) return resumeWaiting(turn, event);
      return busy ? 'the bot is busy with a request' : 'no trigger of the bot answers this message';
    }
    default: {
      if (before.status === 'handedOver') return 'the dialog is with an operator';
      const trigger = matchTrigger(turn.bot, before, event, false);
      if (!trigger) return 'no trigger of the bot answers this event';
      return startTrigger(turn, trigger.next, event);
    }
  }
}

function resumeWaiting(turn: Turn, event: ResumeEvent): string | null {
  const waiting = turn.session.waiting;
  const block = waiting ? turn.bot.blocks.get(waiting.blockId) : undefined;
  if (!waiting || !block) {
    fail(turn, waiting?.blockId ?? '', 'the block the session waited at is not in this bot version');
    return null;
  }
  return resumeAt(turn, block, event);
}

/** Leaves whatever the session waited for (cancelling its timer) and runs a trigger chain from `blockId`. */
function startTrigger(turn: Turn, blockId: string, event: BotEvent | undefined): null {
  const { session } = turn;
  if (session.waiting?.timerKey) turn.effects.push({ type: 'cancelTimer', key: session.waiting.timerKey });
  session.waiting = null;
  session.status = 'idle';
  delete session.error;
  if (event?.type === 'jump')
    for (const [name, value] of Object.entries(event.variables ?? {}))
      setVariable(session.variables, name, value);
  const payload = eventPayload(event);
  if (payload) setVariable(session.variables, 'event', payload);
  runFrom(turn, blockId);
  return null;
}

/** What event triggers tell the bot, as the `event` variable. */
function eventPayload(event: BotEvent | undefined): Value | null {
  if (event?.type === 'recordStatus')
    return { entity: event.entity, recordId: event.recordId, status: event.status };
  if (event?.type === 'processMessage') return { message: event.message, variables: event.variables ?? {} };
  return null;
}

/** The bot engine as the runtime's engine contract: `start` makes an idle session, `step` moves it. */
export const botEngine = {
  start: (bot: PreparedBot, _clock: Clock) => startBot(bot),
  step: stepBot,
} satisfies Engine<PreparedBot, BotSession, BotEvent, BotEffect>;
