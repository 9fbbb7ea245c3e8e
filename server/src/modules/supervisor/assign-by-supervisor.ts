import type { SupervisorAssignment } from '@opora/sdk';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import { conversationView } from '../conversations/rows.js';
import { type ActionDeps, transferDialog } from '../distribution/dialog-actions.js';
import { operatorLoad } from '../distribution/operator-loads.js';
import { capacityFor } from '../distribution/serving.js';

/**
 * A supervisor gives a dialog (waiting or led by someone) to an operator: the distribution's own transfer, under
 * its lock, with its audit and live pushes to both operators. The operator must be online and serve the dialog's
 * line; capacity is the one thing a supervisor may override — the answer says when the operator is now past it.
 * Giving a dialog to the operator who already leads it changes nothing.
 */
export async function assignBySupervisor(
  deps: ActionDeps,
  conversationId: string,
  operatorId: string,
  actor: Actor,
): Promise<SupervisorAssignment> {
  const { db } = deps;
  const [row] = await db.query<Record<string, unknown>>('select * from conversation where id = ?', [
    conversationId,
  ]);
  if (!row) throw fail.notFound('conversation');
  const current = conversationView(row);
  const conversation =
    current.status === 'open' && current.handler === 'operator' && current.operatorId === operatorId
      ? current
      : await transferDialog(deps, conversationId, { operatorId }, actor, { overCapacity: true });
  const load = await db.transaction((tx) => operatorLoad(db, tx, operatorId));
  const line = conversation.lineKey ? await deps.lines.get(conversation.lineKey) : null;
  const capacity = load ? capacityFor(load, line?.body ?? null) : 0;
  const now = load?.load ?? 0;
  return { conversation, overCapacity: now > capacity, load: now, capacity };
}
