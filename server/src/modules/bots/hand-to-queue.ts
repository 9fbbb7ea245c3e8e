import { dateOf } from '../../adapters/clock.js';
import type { Em } from '../../db/database.js';
import { audit } from '../audit/audit-log.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import { conversationView } from '../conversations/rows.js';
import { pushAssignment } from '../distribution/assignment-push.js';
import { requestDistribution } from '../distribution/distribution-signal.js';
import type { BotDeps } from './bot-deps.js';

/**
 * The bot passes the dialog to people: it waits in `lineKey`'s queue — the dialog's own line when that one is not
 * published or has no people (a bot-only line), and the named line all the same when neither has any —, with
 * `note` written for the operators (never sent to the client), and distribution is asked to run.
 */
export async function handToQueue(
  deps: BotDeps,
  tx: Em,
  conversation: ConversationView,
  lineKey: string | null,
  note: string,
): Promise<ConversationView> {
  const { db } = deps;
  const now = dateOf(deps.clock);
  const line = await queueLine(deps, tx, [lineKey, conversation.lineKey]);
  const [row] = await db.query<Record<string, unknown>>(
    `update conversation set handler = 'queue', line_key = coalesce(?, line_key), priority = ?,
       queued_at = coalesce(queued_at, ?), operator_id = null, assigned_at = null
      where id = ? returning *`,
    [line?.key ?? null, line?.body.priority ?? 0, now, conversation.id],
    tx,
  );
  const queued = conversationView(row!);
  audit(tx, null, {
    action: 'update',
    targetType: 'conversation',
    targetId: conversation.id,
    before: { handler: conversation.handler, lineKey: conversation.lineKey },
    after: { handler: 'queue', lineKey: queued.lineKey, handedOverBy: 'bot' },
    at: now,
  });
  if (note)
    await deps.conversations.answerWithin(
      tx,
      conversation.id,
      { authorKind: 'bot', internal: true, message: { text: note, parts: [], attachments: [] } },
      null,
    );
  await pushAssignment(deps.hub, tx, queued, [], [conversation.lineKey, queued.lineKey]);
  await requestDistribution(db, tx);
  return queued;
}

/** The first of `keys` that is published with people behind it, else the first published one. */
async function queueLine(deps: BotDeps, tx: Em, keys: readonly (string | null)[]) {
  const lines = [];
  for (const key of keys) {
    const line = key ? await deps.lines.get(key, tx) : null;
    if (line) lines.push(line);
  }
  return lines.find((line) => line.body.botOnly !== true) ?? lines[0] ?? null;
}

/** Whether a line has people behind it (a bot-only line has none to hand a dialog to). */
export async function lineIsStaffed(deps: BotDeps, tx: Em, lineKey: string | null): Promise<boolean> {
  const line = lineKey ? await deps.lines.get(lineKey, tx) : null;
  return line !== null && line.body.botOnly !== true;
}
