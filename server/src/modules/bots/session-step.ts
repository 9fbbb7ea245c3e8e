import { type BotEffect, type BotEvent, type BotStep, startBot, stepBot } from '@opora/runtime/bots';
import { dateOf } from '../../adapters/clock.js';
import type { Em } from '../../db/database.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import type { BotDeps } from './bot-deps.js';
import { botNotes, failureNote, summaryNote } from './bot-notes.js';
import { cancelTimer, scheduleTimer } from './bot-timers.js';
import { isRequest, requestEffect } from './effect-requests.js';
import { handToQueue, lineIsStaffed } from './hand-to-queue.js';
import { insertSession, type SessionRow, saveSession } from './session-rows.js';
import { tellWaiting } from './tell-waiting.js';

/** Jumps from bot to bot in one turn stop here: two bots sending a dialog back and forth cannot spin for ever. */
const maxJumpsPerTurn = 5;

/**
 * Steps the session with `event` and carries out what the step asks, in the caller's transaction, which holds the
 * conversation's lock: one event of a conversation at a time, whatever process runs it. `handledSeq` records the
 * client message the event came from, in the same commit. Answers the session as it now is (another one when the
 * bot jumped to another bot).
 */
export async function feed(
  deps: BotDeps,
  tx: Em,
  conversation: ConversationView,
  session: SessionRow,
  event: BotEvent,
  handledSeq?: number,
): Promise<SessionRow> {
  const bot = await deps.bots.pinned(session.botKey, session.botVersion, tx);
  // The version the session runs on cannot disappear (published versions are kept); if it does, the session ends.
  if (!bot) return saveSession(deps.db, tx, session, { status: 'ended', handledSeq }, dateOf(deps.clock));
  const step = stepBot(bot, session.state, event, deps.clock);
  return applyStep(deps, tx, conversation, session, step, { handledSeq, event });
}

/** Saves a step's state and carries out its effects in order (see {@link feed}). */
export async function applyStep(
  deps: BotDeps,
  tx: Em,
  conversation: ConversationView,
  session: SessionRow,
  step: BotStep,
  options: { handledSeq?: number; event?: BotEvent; jumps?: number } = {},
): Promise<SessionRow> {
  const now = dateOf(deps.clock);
  if (step.refused) {
    const saved = await saveSession(deps.db, tx, session, { handledSeq: options.handledSeq }, now);
    // A client who writes on after the bot said goodbye gets a person, where the line has people.
    if (options.event?.type === 'message' && session.state.status === 'ended')
      await toPeopleIfStaffed(deps, tx, conversation, botNotes[deps.language].writesOn);
    return saved;
  }
  const saved = await saveSession(
    deps.db,
    tx,
    session,
    { state: step.state, handledSeq: options.handledSeq, ran: step.ran, handedOverFrom: handedFrom(step) },
    now,
  );
  return carryOut(deps, tx, conversation, saved, step.effects, options.jumps ?? 0);
}

/** The block a step handed the dialog to operators from, if it did: the one the session now waits at. */
function handedFrom(step: BotStep): string | undefined {
  if (!step.effects.some((effect) => effect.type === 'handOver')) return undefined;
  return step.state.waiting?.blockId ?? step.state.block ?? undefined;
}

async function carryOut(
  deps: BotDeps,
  tx: Em,
  conversation: ConversationView,
  session: SessionRow,
  effects: readonly BotEffect[],
  jumps: number,
): Promise<SessionRow> {
  let current = session;
  // A hand-over changes who holds the dialog: later effects of the same step see it.
  let dialog = conversation;
  for (const [index, effect] of effects.entries()) {
    if (isRequest(effect)) await requestEffect(deps, tx, session, effect);
    else if (effect.type === 'send') await send(deps, tx, dialog, session, effect, index);
    else if (effect.type === 'scheduleTimer') await scheduleTimer(deps, tx, session, effect);
    else if (effect.type === 'cancelTimer') await cancelTimer(deps, tx, session, effect.key);
    else if (effect.type === 'handOver') {
      dialog = await handToQueue(deps, tx, dialog, effect.line, summaryNote(effect.summary, deps.language));
      await tellWaiting(deps, tx, dialog, session.state.locale);
    } else if (effect.type === 'jumpToBot') current = await jump(deps, tx, dialog, session, effect, jumps);
    else if (effect.type === 'ended' && effect.reason === 'error')
      await toPeopleIfStaffed(deps, tx, dialog, failureNote(effect.blockId, effect.message, deps.language));
  }
  return current;
}

/** A bot's message through the path operators' answers take; buttons go as the message's button part. */
async function send(
  deps: BotDeps,
  tx: Em,
  conversation: ConversationView,
  session: SessionRow,
  effect: Extract<BotEffect, { type: 'send' }>,
  index: number,
) {
  const parts = effect.buttons?.length ? [{ type: 'buttons' as const, buttons: effect.buttons }] : [];
  await deps.conversations.answerWithin(
    tx,
    conversation.id,
    {
      authorKind: 'bot',
      message: { text: effect.text, parts, attachments: effect.attachments ?? [] },
      // A step carried out again (a retried job) stores nothing new.
      clientMessageId: `bot:${session.id}:${session.state.turn}:${index}`,
    },
    null,
  );
}

/** Ends this session and starts the named bot's latest version with the variables handed over. */
async function jump(
  deps: BotDeps,
  tx: Em,
  conversation: ConversationView,
  session: SessionRow,
  effect: Extract<BotEffect, { type: 'jumpToBot' }>,
  jumps: number,
): Promise<SessionRow> {
  const now = dateOf(deps.clock);
  const ended = await saveSession(deps.db, tx, session, { status: 'ended' }, now);
  const bot = jumps < maxJumpsPerTurn ? await deps.bots.latest(effect.bot, tx) : null;
  if (!bot) {
    await toPeopleIfStaffed(deps, tx, conversation, botNotes[deps.language].missingBot(effect.bot));
    return ended;
  }
  const state = startBot(bot, { locale: session.state.locale });
  const next = await insertSession(
    deps.db,
    tx,
    { conversationId: conversation.id, state, handledSeq: session.handledSeq },
    now,
  );
  const event: BotEvent = { type: 'jump', fromBot: session.botKey, variables: effect.variables };
  return applyStep(deps, tx, conversation, next, stepBot(bot, state, event, deps.clock), {
    jumps: jumps + 1,
  });
}

/**
 * Where the bot cannot go on (it failed, or it finished and the client writes on), a line with operators takes the
 * dialog into its queue; on a bot-only line it stays with the bot.
 */
async function toPeopleIfStaffed(deps: BotDeps, tx: Em, conversation: ConversationView, note: string) {
  if (conversation.handler !== 'bot' || !(await lineIsStaffed(deps, tx, conversation.lineKey))) return;
  await handToQueue(deps, tx, conversation, conversation.lineKey, note);
}
