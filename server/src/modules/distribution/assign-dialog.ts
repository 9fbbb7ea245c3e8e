import type { LineBody } from '@opora/runtime/definitions';
import type { Em } from '../../db/database.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import { conversationView } from '../conversations/rows.js';
import { pushAssignment } from './assignment-push.js';
import { scheduleOfferTimeout } from './offer-timeout-job.js';
import type { ReplyDeps } from './system-reply.js';

/**
 * Gives a dialog to an operator (the caller holds the distribution lock and the dialog's row): a new offer number,
 * the operator's idle clock restarted, and — for an offer the operator did not ask for — a durable timer that
 * returns it to the queue if they do not answer in the line's offer time.
 */
export async function assignDialog(
  deps: ReplyDeps,
  tx: Em,
  input: {
    conversationId: string;
    operatorId: string;
    line: LineBody | null;
    now: Date;
    /** A dialog the operator took themselves is not timed. */
    offered: boolean;
    actor: Actor | null;
    reason: 'distributed' | 'taken' | 'transferred' | 'reopened' | 'joined';
    from?: string | null;
  },
): Promise<ConversationView> {
  const { db } = deps;
  const { conversationId, operatorId, now } = input;
  const [row] = await db.query<Record<string, unknown>>(
    `update conversation set handler = 'operator', operator_id = ?, assigned_at = ?,
       offer_attempt = offer_attempt + 1, skip_operator_id = null, preferred_operator_id = null
      where id = ? returning *`,
    [operatorId, now, conversationId],
    tx,
  );
  await db.query('update operator_profile set last_assigned_at = ? where user_id = ?', [now, operatorId], tx);
  const conversation = conversationView(row!);
  audit(tx, input.actor, {
    action: 'update',
    targetType: 'conversation',
    targetId: conversationId,
    before: { operatorId: input.from ?? null },
    after: { operatorId, assigned: input.reason, attempt: Number(row!.offer_attempt) },
    at: now,
  });
  if (input.offered && input.line)
    await scheduleOfferTimeout(
      deps.jobs,
      tx,
      { conversationId, attempt: Number(row!.offer_attempt) },
      new Date(now.getTime() + input.line.offerTimeoutSeconds * 1000),
    );
  await pushAssignment(deps.hub, tx, conversation, [operatorId, input.from ?? null]);
  return conversation;
}
