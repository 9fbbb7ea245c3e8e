import type { LineBody } from '@opora/runtime/definitions';
import { lineOpenAt, routeDialog } from '@opora/runtime/lines';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Em } from '../../db/database.js';
import { audit } from '../audit/audit-log.js';
import type { ConversationView, MessageView } from '../conversations/conversation-types.js';
import { conversationView } from '../conversations/rows.js';
import { clientLanguage, inLanguage } from './client-language.js';
import { defaultReplies } from './default-replies.js';
import { requestDistribution } from './distribution-signal.js';
import { scheduleLineOpening } from './line-opening-job.js';
import type { PublishedLines } from './published-lines.js';
import { type ReplyDeps, systemMessage } from './system-reply.js';

export interface RoutingDeps extends ReplyDeps {
  lines: PublishedLines;
  clock: Clock;
}

type Language = 'ru' | 'en';

/**
 * What happens to a dialog the moment it is opened (or a closed one reopened by the client), in the transaction
 * that took the client's message: routed to a line, then queued — with the line's out-of-hours reply when it is
 * closed, refused politely when its queue is full, handed to the bot on a line with a bot — and every server
 * process is woken to distribute it once the transaction commits. A dialog already in the queue (`queued`, read
 * by the caller with the conversation) is left as is.
 */
export async function afterDialogOpened(
  deps: RoutingDeps,
  tx: Em,
  conversation: ConversationView,
  message: MessageView,
  queued: boolean,
): Promise<ConversationView> {
  if (queued || conversation.handler !== 'queue' || conversation.status !== 'open') return conversation;
  return routeDialogNow(deps, tx, conversation, message.text);
}

/**
 * Routes and queues an open dialog nobody holds, by the client's text (see {@link afterDialogOpened}); it takes
 * its place in the queue as of `waitingSince` (a dialog found unrouted keeps the place it has waited for).
 */
export async function routeDialogNow(
  deps: RoutingDeps,
  tx: Em,
  conversation: ConversationView,
  text: string,
  waitingSince?: Date,
): Promise<ConversationView> {
  const { db } = deps;
  const now = dateOf(deps.clock);
  const lines = await deps.lines.all(tx);
  const language = clientLanguage(text);
  const lineKey = routeDialog(lines, { channelKey: conversation.channelKey, text, language });
  const line = lines.find((l) => l.key === lineKey)?.body ?? null;
  // A line with a bot lets it greet the dialog first (the bots module starts the session on this message).
  if (lineKey && (line?.botOnly || line?.bot))
    return setRoute(deps, tx, conversation, lineKey, 'bot', 0, now, now);
  if (lineKey && line && (await queueIsFull(deps, tx, lineKey, line)))
    return refuse(deps, tx, conversation, lineKey, line, language, now);
  const priority = line?.priority ?? 0;
  const routed = await setRoute(deps, tx, conversation, lineKey, 'queue', priority, now, waitingSince ?? now);
  const hours = line?.reopenToSameOperatorHours;
  if (hours) await preferLastOperator(deps, tx, routed, hours, now);
  if (lineKey && line) await answerOutOfHours(deps, tx, routed, lineKey, line, language, now);
  await requestDistribution(db, tx);
  return routed;
}

/**
 * A client who writes again within the line's hours after their dialog closed — reopening it, or starting a new
 * one — goes back to the operator who had it (the distribution pass gives it to them if they are online with room).
 */
async function preferLastOperator(
  deps: RoutingDeps,
  tx: Em,
  conversation: ConversationView,
  hours: number,
  now: Date,
): Promise<void> {
  await deps.db.query(
    `update conversation set preferred_operator_id = (
       select last_operator_id from conversation
        where contact_id = ? and last_closed_at > ? and last_operator_id is not null
        order by last_closed_at desc limit 1)
      where id = ?`,
    [conversation.contactId, new Date(now.getTime() - hours * 3_600_000), conversation.id],
    tx,
  );
}

async function queueIsFull(deps: RoutingDeps, tx: Em, lineKey: string, line: LineBody): Promise<boolean> {
  if (line.maxQueue === undefined) return false;
  const [waiting] = await deps.db.query<{ n: string | number }>(
    `select count(*) as n from (select 1 from conversation
      where line_key = ? and status = 'open' and handler = 'queue' and queued_at is not null limit ?) q`,
    [lineKey, line.maxQueue],
    tx,
  );
  return Number(waiting?.n) >= line.maxQueue;
}

/** Out of hours the dialog stays queued; the client is told when work resumes, and the queue wakes up then. */
async function answerOutOfHours(
  deps: RoutingDeps,
  tx: Em,
  conversation: ConversationView,
  lineKey: string,
  line: LineBody,
  language: Language,
  now: Date,
): Promise<void> {
  const opening = lineOpenAt(line.hours, now);
  if (opening.open) return;
  const resumes = opening.resumesAt
    ? ` (${resumesText(opening.resumesAt, line.hours?.timeZone, language)})`
    : '';
  const reply = line.outOfHours
    ? inLanguage(line.outOfHours.reply, language)
    : defaultReplies.outOfHours[language].replace('{resumes}', () => resumes);
  await systemMessage(deps, tx, conversation, reply, now);
  if (opening.resumesAt) await scheduleLineOpening(deps.jobs, tx, lineKey, opening.resumesAt);
}

function resumesText(at: Date, timeZone: string | undefined, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: timeZone ?? 'UTC',
  }).format(at);
}

async function setRoute(
  deps: RoutingDeps,
  tx: Em,
  conversation: ConversationView,
  lineKey: string | null,
  handler: 'queue' | 'bot',
  priority: number,
  now: Date,
  queuedAt: Date,
): Promise<ConversationView> {
  const [row] = await deps.db.query<Record<string, unknown>>(
    `update conversation set line_key = ?, handler = ?, priority = ?, queued_at = ?, assigned_at = null,
       skip_operator_id = null, preferred_operator_id = null,
       last_operator_id = coalesce(operator_id, last_operator_id), operator_id = null
      where id = ? returning *`,
    [lineKey, handler, priority, handler === 'queue' ? queuedAt : null, conversation.id],
    tx,
  );
  // With no line published there is nothing to record: the dialog simply waits for anyone.
  if (lineKey)
    audit(tx, null, {
      action: 'update',
      targetType: 'conversation',
      targetId: conversation.id,
      after: { lineKey, handler, routed: true },
      at: now,
    });
  return conversationView(row!);
}

/** Over the line's queue limit: a polite refusal, and the dialog closes (the client's next message starts anew). */
async function refuse(
  deps: RoutingDeps,
  tx: Em,
  conversation: ConversationView,
  lineKey: string,
  line: LineBody,
  language: Language,
  now: Date,
): Promise<ConversationView> {
  const text = line.queueFullReply
    ? inLanguage(line.queueFullReply, language)
    : defaultReplies.queueFull[language];
  await systemMessage(deps, tx, conversation, text, now);
  const [row] = await deps.db.query<Record<string, unknown>>(
    `update conversation set line_key = ?, status = 'closed', closed_at = ?, last_closed_at = ?, queued_at = null,
       operator_id = null
      where id = ? returning *`,
    [lineKey, now, now, conversation.id],
    tx,
  );
  audit(tx, null, {
    action: 'update',
    targetType: 'conversation',
    targetId: conversation.id,
    after: { lineKey, status: 'closed', reason: 'queue_full' },
    at: now,
  });
  return conversationView(row!);
}
