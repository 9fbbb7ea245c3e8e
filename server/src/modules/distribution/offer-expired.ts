import { type Clock, dateOf } from '../../adapters/clock.js';
import type { JobHandler } from '../../adapters/job-queue/index.js';
import type { Em } from '../../db/database.js';
import { audit } from '../audit/audit-log.js';
import { conversationView } from '../conversations/rows.js';
import { pushAssignment } from './assignment-push.js';
import { lockDistribution, requestDistribution } from './distribution-signal.js';
import type { OfferTimeoutPayload } from './offer-timeout-job.js';
import type { ReplyDeps } from './system-reply.js';

/**
 * An offer's time ran out: if the operator it went to still holds the dialog under that same offer and has not
 * answered since, it goes back to the queue (keeping its place) and is offered to someone else — each new offer
 * has its own timer, so this repeats until someone answers.
 */
export async function offerExpired(
  deps: ReplyDeps & { clock: Clock },
  tx: Em,
  payload: OfferTimeoutPayload,
): Promise<boolean> {
  const { db } = deps;
  await lockDistribution(db, tx);
  const [row] = await db.query<Record<string, unknown>>(
    'select * from conversation where id = ? for update',
    [payload.conversationId],
    tx,
  );
  if (row?.status !== 'open' || row.handler !== 'operator') return false;
  if (Number(row.offer_attempt) !== payload.attempt || !row.operator_id) return false;
  const answered = await db.query(
    `select 1 from message where conversation_id = ? and direction = 'out' and author_user_id = ?
       and created_at >= ? limit 1`,
    [payload.conversationId, row.operator_id, row.assigned_at],
    tx,
  );
  if (answered.length) return false;
  const now = dateOf(deps.clock);
  const [back] = await db.query<Record<string, unknown>>(
    `update conversation set handler = 'queue', operator_id = null, last_operator_id = operator_id,
       skip_operator_id = operator_id, assigned_at = null, queued_at = coalesce(queued_at, ?)
      where id = ? returning *`,
    [now, payload.conversationId],
    tx,
  );
  const conversation = conversationView(back!);
  audit(tx, null, {
    action: 'update',
    targetType: 'conversation',
    targetId: conversation.id,
    before: { operatorId: row.operator_id },
    after: { operatorId: null, returned: 'offer_timeout', attempt: payload.attempt },
    at: now,
  });
  await pushAssignment(deps.hub, tx, conversation, [String(row.operator_id)]);
  await requestDistribution(db, tx);
  return true;
}

export const offerTimeoutJob =
  (deps: ReplyDeps & { clock: Clock }): JobHandler =>
  async (payload, ctx) => {
    await offerExpired(deps, ctx.em, payload as OfferTimeoutPayload);
  };
