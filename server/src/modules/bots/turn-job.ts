import type { BotEvent } from '@opora/runtime/bots';
import { dateOf } from '../../adapters/clock.js';
import type { JobHandler } from '../../adapters/job-queue/index.js';
import type { Database, Em } from '../../db/database.js';
import type { ConversationView, MessageView } from '../conversations/conversation-types.js';
import { lockConversationStatement, lockedConversationOf } from '../conversations/outbound.js';
import { conversationView, messageView } from '../conversations/rows.js';
import type { BotDeps } from './bot-deps.js';
import { botNotes } from './bot-notes.js';
import { handToQueue, lineIsStaffed } from './hand-to-queue.js';
import { activeSessionStatement, type SessionRow, saveSession, sessionOf } from './session-rows.js';
import { startSession } from './session-start.js';
import { feed } from './session-step.js';

export const botTurnJobName = 'bot.turn';

export interface BotTurnPayload {
  conversationId: string;
  messageId: string;
}

/** The idempotency key of a client message's turn: a message enqueues its turn once. */
export const botTurnKey = (conversationId: string, messageId: string) =>
  `bot.turn:${conversationId}:${messageId}`;

/** At most this many client messages are taken in one turn; a later turn takes the rest. */
const turnBatch = 50;

/** Whether the bot answers the dialog now (an operator holding it, or a queue, pauses the bot). */
export const botHolds = (conversation: ConversationView) =>
  conversation.status === 'open' && conversation.handler === 'bot';

/**
 * A bot's turn in a conversation: under the conversation's row lock, every client message the session has not
 * taken yet, in order, each as a message event, stepped and carried out, and the last one taken recorded, all in
 * the job's transaction. Two turns of one conversation never interleave (the second waits for the lock and then
 * finds nothing left), a crash rolls the whole turn back for the job to run again, and a message is taken once.
 */
export function botTurnJob(deps: BotDeps): JobHandler {
  return async (payload, { em }) => {
    const { conversationId, messageId } = payload as BotTurnPayload;
    const { db } = deps;
    // The lock is taken first, then the session read under it: one round trip for both.
    const [lockedRows = [], sessionRows = []] = await db.batch(
      [lockConversationStatement(conversationId), activeSessionStatement(conversationId)],
      em,
    );
    const locked = lockedConversationOf(lockedRows);
    if (!botHolds(locked)) return;
    let session = sessionOf(sessionRows);
    // The message that opened the session answers its greeting, even if the greeting already ended the session.
    let opening: string | null = null;
    if (!session) {
      const [first] = await db.query<Record<string, unknown>>(
        'select * from message where id = ?',
        [messageId],
        em,
      );
      if (!first) return;
      const message = messageView(first);
      session = await startSession(deps, em, locked, message.seq, message.text);
      opening = message.id;
      // The line's bot is not published (a line may name a bot before it is): people answer, where there are any.
      if (!session) {
        if (await lineIsStaffed(deps, em, locked.lineKey))
          await handToQueue(deps, em, locked, locked.lineKey, botNotes[deps.language].unpublished);
        return;
      }
    }
    const messages = await unhandledMessages(db, em, conversationId, session.handledSeq);
    for (const [index, message] of messages.entries()) {
      // The row locked above is current until a step of this turn changed it (a session started, a message fed).
      const conversation =
        index === 0 && opening === null ? locked : await currentConversation(db, em, conversationId);
      if (!botHolds(conversation) || session.status !== 'active') {
        // Messages the bot will not answer (a hand-over came first) are not replayed when it is handed back.
        session = await saveSession(db, em, session, { handledSeq: message.seq }, dateOf(deps.clock));
        continue;
      }
      const before = session;
      session = await feed(deps, em, conversation, session, messageEvent(message), message.seq);
      if (
        message.id !== opening &&
        finishedAndRefused(before, session) &&
        botHolds(await currentConversation(db, em, conversationId))
      )
        session = await startAfresh(deps, em, conversation, session, message);
    }
    const last = messages.at(-1);
    if (messages.length === turnBatch && last)
      await deps.jobs.enqueue(
        botTurnJobName,
        { conversationId, messageId: last.id } satisfies BotTurnPayload,
        { idempotencyKey: `${botTurnKey(conversationId, last.id)}:more` },
        em,
      );
  };
}

/** The session had ended and no trigger of the bot took the message (the step changed nothing). */
const finishedAndRefused = (before: SessionRow, after: SessionRow) =>
  before.state.status === 'ended' && after.id === before.id && after.state.turn === before.state.turn;

/**
 * A client who writes on after the bot finished, on a line with nobody else to answer (a staffed line has taken
 * the dialog into its queue already): the bot starts over with a new session, as for a new dialog.
 */
async function startAfresh(
  deps: BotDeps,
  tx: Em,
  conversation: ConversationView,
  ended: SessionRow,
  message: MessageView,
) {
  await saveSession(deps.db, tx, ended, { status: 'ended' }, dateOf(deps.clock));
  const fresh = await startSession(deps, tx, conversation, message.seq, message.text);
  if (!fresh) return ended;
  return feed(deps, tx, conversation, fresh, messageEvent(message), message.seq);
}

async function unhandledMessages(db: Database, tx: Em, conversationId: string, after: number) {
  const rows = await db.query<Record<string, unknown>>(
    `select * from message where conversation_id = ? and direction = 'in' and seq > ? order by seq limit ?`,
    [conversationId, after, turnBatch],
    tx,
  );
  return rows.map(messageView);
}

async function currentConversation(db: Database, tx: Em, id: string) {
  const [row] = await db.query<Record<string, unknown>>('select * from conversation where id = ?', [id], tx);
  return conversationView(row!);
}

const messageEvent = (message: MessageView): BotEvent => ({
  type: 'message',
  text: message.text,
  ...(message.attachments.length ? { attachments: message.attachments } : {}),
});
