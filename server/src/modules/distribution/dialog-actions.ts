import type { PublishedLine } from '@opora/runtime/lines';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database, Em } from '../../db/database.js';
import { fromPgArray } from '../../db/pg-array.js';
import { fail } from '../../http/app-error.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import { conversationView } from '../conversations/rows.js';
import { assignDialog } from './assign-dialog.js';
import { pushAssignment } from './assignment-push.js';
import { refuse } from './distribution-errors.js';
import { lockDistribution, requestDistribution } from './distribution-signal.js';
import { operatorLoad } from './operator-loads.js';
import type { PublishedLines } from './published-lines.js';
import { capacityFor, serves } from './serving.js';
import { type ReplyDeps, systemMessage } from './system-reply.js';

export interface ActionDeps extends ReplyDeps {
  lines: PublishedLines;
  clock: Clock;
}

export type TransferTarget = { operatorId: string; note?: string } | { lineKey: string; note?: string };

const staffRoles = ['operator', 'supervisor', 'admin'];
const overseer = (actor: Actor) => actor.roles.some((role) => role === 'supervisor' || role === 'admin');

/** The dialog's row locked under the distribution lock: who holds it cannot change until tx ends. */
async function lockedDialog(db: Database, tx: Em, id: string) {
  await lockDistribution(db, tx);
  const [row] = await db.query<Record<string, unknown>>(
    'select * from conversation where id = ? for update',
    [id],
    tx,
  );
  if (!row) throw fail.notFound('conversation');
  const conversation = conversationView(row);
  if (conversation.status === 'closed') throw refuse.closed();
  return conversation;
}

/** Refuses a dialog another operator leads, naming them (taking it or a supervisor joining it). */
export async function refuseTaken(db: Database, tx: Em, operatorId: string): Promise<never> {
  const holder = await userName(db, tx, operatorId);
  throw refuse.taken(holder?.name ?? '—', operatorId);
}

async function userName(db: Database, tx: Em, id: string) {
  const [row] = await db.query<{ name: string; roles: unknown; active: boolean }>(
    'select name, roles, active from app_user where id = ?',
    [id],
    tx,
  );
  return row ?? null;
}

const lineTitle = (line: PublishedLine | null, key: string | null) => line?.body.title.ru ?? key ?? '';

/**
 * An operator takes a waiting dialog themselves. Two taking at once: the second waits for the first's lock, then
 * sees the dialog held and is told by whom. Taking one's own dialog again changes nothing.
 */
export function takeDialog(
  deps: ActionDeps,
  conversationId: string,
  actor: Actor,
): Promise<ConversationView> {
  return deps.db.transaction((tx) => takeDialogWithin(deps, tx, conversationId, actor));
}

/** {@link takeDialog} inside the caller's transaction. */
export async function takeDialogWithin(
  deps: ActionDeps,
  tx: Em,
  conversationId: string,
  actor: Actor,
): Promise<ConversationView> {
  const { db } = deps;
  const dialog = await lockedDialog(db, tx, conversationId);
  if (dialog.handler === 'operator' && dialog.operatorId === actor.id) return dialog;
  if (dialog.handler === 'operator' && dialog.operatorId) await refuseTaken(db, tx, dialog.operatorId);
  const line = dialog.lineKey ? await deps.lines.get(dialog.lineKey, tx) : null;
  await assertOwnRoom(deps, tx, actor.id, line);
  return assignDialog(deps, tx, {
    conversationId,
    operatorId: actor.id,
    line: line?.body ?? null,
    now: dateOf(deps.clock),
    offered: false,
    actor,
    reason: 'taken',
  });
}

/**
 * Taking by hand obeys the same capacity as distribution (the operator's own figure, else the line's): a full
 * operator closes or passes on a dialog first. Checked under the distribution lock, so two takes at once by one
 * operator cannot both slip under it.
 */
async function assertOwnRoom(deps: ActionDeps, tx: Em, operatorId: string, line: PublishedLine | null) {
  const load = await operatorLoad(deps.db, tx, operatorId);
  const capacity = capacityFor(load ?? noProfile, line?.body ?? null);
  const leads = load?.load ?? 0;
  if (leads >= capacity) throw refuse.ownFull(leads, capacity);
}

/** Someone who never worked dialogs: no groups, no skills, the line's capacity. */
const noProfile = { groups: [], skills: [], capacity: null };

/** Whoever holds a dialog (or a supervisor) passes it on; operators may also pass on a dialog still waiting. */
function assertMayPassOn(dialog: ConversationView, actor: Actor) {
  if (overseer(actor)) return;
  if (dialog.handler === 'operator' && dialog.operatorId !== actor.id) throw refuse.heldByOther();
}

/**
 * Passes a dialog to a colleague (online, serving its line, with room) or to another line's queue, with an
 * optional note the colleagues see in the history. The freed slot goes to the next waiting dialog.
 */
export function transferDialog(
  deps: ActionDeps,
  conversationId: string,
  target: TransferTarget,
  actor: Actor,
  /** A supervisor may give an operator more than their capacity (the board says so); nobody else may. */
  options: { overCapacity?: boolean } = {},
): Promise<ConversationView> {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const dialog = await lockedDialog(db, tx, conversationId);
    assertMayPassOn(dialog, actor);
    const now = dateOf(deps.clock);
    const from = dialog.handler === 'operator' ? dialog.operatorId : null;
    let result: ConversationView;
    if ('operatorId' in target) {
      const line = dialog.lineKey ? await deps.lines.get(dialog.lineKey, tx) : null;
      await assertCanReceive(deps, tx, target.operatorId, line, dialog.lineKey, {
        overCapacity: options.overCapacity === true && overseer(actor),
      });
      result = await assignDialog(deps, tx, {
        conversationId,
        operatorId: target.operatorId,
        line: line?.body ?? null,
        now,
        offered: true,
        actor,
        reason: 'transferred',
        from,
      });
    } else {
      const line = await deps.lines.get(target.lineKey, tx);
      if (!line) throw fail.notFound(`line «${target.lineKey}»`);
      const [row] = await db.query<Record<string, unknown>>(
        `update conversation set line_key = ?, priority = ?, handler = 'queue', operator_id = null,
           last_operator_id = coalesce(operator_id, last_operator_id), assigned_at = null, skip_operator_id = null,
           queued_at = coalesce(queued_at, ?)
          where id = ? returning *`,
        [line.key, line.body.priority, now, conversationId],
        tx,
      );
      result = conversationView(row!);
      audit(tx, actor, {
        action: 'update',
        targetType: 'conversation',
        targetId: conversationId,
        before: { lineKey: dialog.lineKey, operatorId: from },
        after: { lineKey: line.key, operatorId: null, transferred: true },
        at: now,
      });
      await pushAssignment(deps.hub, tx, result, [from], [dialog.lineKey, line.key]);
    }
    const note = target.note?.trim();
    if (note)
      await systemMessage(deps, tx, result, note, now, { internal: true, authorKind: 'operator', actor });
    await requestDistribution(db, tx);
    return result;
  });
}

async function assertCanReceive(
  deps: ActionDeps,
  tx: Em,
  operatorId: string,
  line: PublishedLine | null,
  lineKey: string | null,
  options: { overCapacity: boolean },
) {
  const user = await userName(deps.db, tx, operatorId);
  if (!user?.active) throw fail.notFound('operator');
  const roles = fromPgArray(user.roles);
  if (!roles.some((role) => staffRoles.includes(role))) throw refuse.notOperator(user.name);
  const load = await operatorLoad(deps.db, tx, operatorId);
  if (load?.status !== 'online') throw refuse.offline(user.name);
  if (line && !serves(load, line.body)) throw refuse.notServing(user.name, lineTitle(line, lineKey));
  const capacity = capacityFor(load, line?.body ?? null);
  if (load.load >= capacity && !options.overCapacity) throw refuse.full(user.name, load.load, capacity);
}

/** The holder (or a supervisor) gives a dialog back: it keeps its place in the queue and goes to someone else. */
export function returnToQueue(
  deps: ActionDeps,
  conversationId: string,
  actor: Actor,
): Promise<ConversationView> {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const dialog = await lockedDialog(db, tx, conversationId);
    if (dialog.handler !== 'operator' || !dialog.operatorId) throw refuse.notHeld();
    assertMayPassOn(dialog, actor);
    const now = dateOf(deps.clock);
    const [row] = await db.query<Record<string, unknown>>(
      `update conversation set handler = 'queue', operator_id = null, last_operator_id = operator_id,
         skip_operator_id = operator_id, assigned_at = null, queued_at = coalesce(queued_at, ?)
        where id = ? returning *`,
      [now, conversationId],
      tx,
    );
    const result = conversationView(row!);
    audit(tx, actor, {
      action: 'update',
      targetType: 'conversation',
      targetId: conversationId,
      before: { operatorId: dialog.operatorId },
      after: { operatorId: null, returned: 'by_operator' },
      at: now,
    });
    await pushAssignment(deps.hub, tx, result, [dialog.operatorId]);
    await requestDistribution(db, tx);
    return result;
  });
}
