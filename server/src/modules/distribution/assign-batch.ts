import type { LineBody } from '@opora/runtime/definitions';
import type { LiveMessage } from '@opora/sdk';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import type { Em } from '../../db/database.js';
import { toPgArray } from '../../db/pg-array.js';
import { audit } from '../audit/audit-log.js';
import { conversationView } from '../conversations/rows.js';
import { offerTimeoutJobName } from './offer-timeout-job.js';
import type { ReplyDeps } from './system-reply.js';

export interface Choice {
  conversationId: string;
  operatorId: string;
  line: LineBody;
  reason: 'distributed' | 'reopened';
}

/**
 * Writes a pass's offers at once (the caller holds the distribution lock and the dialogs' rows): one update of
 * the dialogs, one of the operators' idle clocks, one insert of the offers' timeout jobs, one round of live
 * pushes — so a pass costs the same few statements whether it hands out one dialog or a hundred.
 */
export async function assignBatch(deps: ReplyDeps, tx: Em, choices: readonly Choice[], now: Date) {
  if (!choices.length) return;
  const { db } = deps;
  const rows = await db.query<Record<string, unknown>>(
    `update conversation c set handler = 'operator', operator_id = v.op, assigned_at = ?,
       offer_attempt = c.offer_attempt + 1, skip_operator_id = null, preferred_operator_id = null
      from (select (j->>'id')::uuid as id, (j->>'op')::uuid as op from jsonb_array_elements(?::jsonb) j) v
     where c.id = v.id returning c.*`,
    [now, JSON.stringify(choices.map((c) => ({ id: c.conversationId, op: c.operatorId })))],
    tx,
  );
  const operators = [...new Set(choices.map((c) => c.operatorId))];
  await db.query(
    'update operator_profile set last_assigned_at = ? where user_id = any(?::uuid[])',
    [now, toPgArray(operators)],
    tx,
  );
  const byId = new Map(choices.map((c) => [c.conversationId, c]));
  const timers = [];
  const pushes = [];
  for (const row of rows) {
    const conversation = conversationView(row);
    const choice = byId.get(conversation.id)!;
    const attempt = Number(row.offer_attempt);
    audit(tx, null, {
      action: 'update',
      targetType: 'conversation',
      targetId: conversation.id,
      before: { operatorId: null },
      after: { operatorId: choice.operatorId, assigned: choice.reason, attempt },
      at: now,
    });
    timers.push({
      payload: { conversationId: conversation.id, attempt },
      idempotencyKey: `${offerTimeoutJobName}:${conversation.id}:${attempt}`,
      runAt: new Date(now.getTime() + choice.line.offerTimeoutSeconds * 1000),
    });
    const message: LiveMessage = { type: 'conversation', conversation };
    const to = [
      liveAddress.contactCentre,
      liveAddress.conversation(conversation.id),
      liveAddress.user(choice.operatorId),
    ];
    if (conversation.lineKey) to.push(liveAddress.line(conversation.lineKey));
    pushes.push({ to, message });
  }
  await deps.jobs.enqueueMany(offerTimeoutJobName, timers, {}, tx);
  await deps.hub.sendMany(tx, pushes);
}
