import { returnToBot } from '@opora/runtime/bots';
import { dateOf } from '../../adapters/clock.js';
import { AppError } from '../../http/app-error.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { lockConversation } from '../conversations/outbound.js';
import { conversationView } from '../conversations/rows.js';
import { pushAssignment } from '../distribution/assignment-push.js';
import { lockDistribution, requestDistribution } from '../distribution/distribution-signal.js';
import type { BotDeps } from './bot-deps.js';
import { activeSession } from './session-rows.js';
import { applyStep } from './session-step.js';
import { sessionView } from './session-view.js';

const noSession = () => new AppError(409, 'bot_session_missing', 'bot_session_missing');
const overseer = (actor: Actor) => actor.roles.some((role) => role === 'supervisor' || role === 'admin');
const dialogClosed = () => new AppError(409, 'dialog_closed', 'dialog_closed');

/**
 * An operator (or supervisor) hands the dialog back to its bot at `blockId` (the block the bot waits at when not
 * given): the dialog leaves the operator and the queue, and the bot goes on from there (see `returnToBot`). What
 * the client wrote while people had the dialog is theirs: the bot does not answer it afterwards.
 */
export function resumeBot(deps: BotDeps, conversationId: string, blockId: string | undefined, actor: Actor) {
  const { db } = deps;
  return db.transaction(async (tx) => {
    await lockDistribution(db, tx);
    const dialog = await lockConversation(db, tx, conversationId);
    if (dialog.status !== 'open') throw dialogClosed();
    if (dialog.handler === 'operator' && dialog.operatorId !== actor.id && !overseer(actor))
      throw new AppError(403, 'forbidden', 'dialog_held_by_other');
    const session = await activeSession(db, tx, conversationId);
    const bot = session ? await deps.bots.pinned(session.botKey, session.botVersion, tx) : null;
    if (!session || !bot) throw noSession();
    const block = blockId ?? session.state.waiting?.blockId ?? session.state.block ?? '';
    const step = returnToBot(bot, session.state, block, deps.clock);
    if (step.refused)
      throw new AppError(409, 'bot_block_refused', 'bot_block_refused', { block, reason: step.refused });
    const now = dateOf(deps.clock);
    const [row] = await db.query<Record<string, unknown>>(
      `update conversation set handler = 'bot', operator_id = null, queued_at = null, assigned_at = null,
         last_operator_id = coalesce(operator_id, last_operator_id)
        where id = ? returning *`,
      [conversationId],
      tx,
    );
    const resumed = conversationView(row!);
    audit(tx, actor, {
      action: 'update',
      targetType: 'conversation',
      targetId: conversationId,
      before: { handler: dialog.handler, operatorId: dialog.operatorId },
      after: { handler: 'bot', operatorId: null, botBlock: block },
      at: now,
    });
    const [seen] = await db.query<{ seq: string | number | null }>(
      `select max(seq) as seq from message where conversation_id = ? and direction = 'in'`,
      [conversationId],
      tx,
    );
    const after = await applyStep(deps, tx, resumed, session, step, { handledSeq: Number(seen?.seq ?? 0) });
    await pushAssignment(deps.hub, tx, resumed, [dialog.operatorId]);
    // The operator's slot is free: the next waiting dialog may take it.
    await requestDistribution(db, tx);
    return sessionView(after, false);
  });
}
