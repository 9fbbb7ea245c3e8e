import type { Decision, ProcessInstance } from '@opora/runtime/processes';
import type { Em } from '../../../db/database.js';
import { toPgArray } from '../../../db/pg-array.js';
import type { Actor } from '../../auth/actor.js';
import type { TaskDeps } from './task-deps.js';

/** One decision on the approval sheet (лист согласования), as people read it. */
export interface ApprovalSheetRow {
  instanceId: string;
  processKey: string;
  nodeId: string;
  nodeName: string;
  round: number;
  actor: { id: string; name: string };
  outcome: Decision['outcome'];
  at: string;
  hash?: string;
  comment?: string;
  delegateTo?: { id: string; name: string };
}

/** Names of the users the decisions mention, in one query; an unknown id keeps itself as its name. */
async function peopleNames(deps: TaskDeps, ids: Set<string>, tx?: Em): Promise<Map<string, string>> {
  const wanted = [...ids].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const rows = wanted.length
    ? await deps.db.query<{ id: string; name: string }>(
        'select id, name from app_user where id = any(?::uuid[])',
        [toPgArray(wanted)],
        tx,
      )
    : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The decisions of instances, in order (instances as given, decisions as taken), named for reading. */
export async function sheetRows(
  deps: TaskDeps,
  instances: readonly { id: string; state: ProcessInstance }[],
  tx?: Em,
): Promise<ApprovalSheetRow[]> {
  const ids = new Set<string>();
  for (const { state } of instances)
    for (const d of state.decisions) {
      ids.add(d.actor);
      if (d.delegateTo) ids.add(d.delegateTo);
    }
  const names = await peopleNames(deps, ids, tx);
  const person = (id: string) => ({ id, name: names.get(id) ?? id });
  const rows: ApprovalSheetRow[] = [];
  for (const { id, state } of instances) {
    const version = await deps.versions.get(state.processKey, state.processVersion, tx);
    for (const d of state.decisions)
      rows.push({
        instanceId: id,
        processKey: state.processKey,
        nodeId: d.nodeId,
        nodeName: version?.nodes.get(d.nodeId)?.name ?? d.nodeId,
        round: d.round,
        actor: person(d.actor),
        outcome: d.outcome,
        at: new Date(d.at).toISOString(),
        ...(d.hash ? { hash: d.hash } : {}),
        ...(d.comment ? { comment: d.comment } : {}),
        ...(d.delegateTo ? { delegateTo: person(d.delegateTo) } : {}),
      });
  }
  return rows;
}

/**
 * The approval sheet of a record: every decision of the approvals its process instances ran, oldest instance
 * first. The instances are those whose approval tasks named the record (the tasks side's own rows), read through
 * the instances port.
 */
export async function recordApprovalSheet(
  deps: TaskDeps,
  actor: Actor,
  record: { entity: string; id: string },
): Promise<ApprovalSheetRow[]> {
  await deps.mayReadRecords(actor, record.entity);
  const found = await deps.db.query<{ instance_id: string }>(
    `select instance_id from process_task where record_entity = ? and record_id = ? and kind = 'approval'
      group by instance_id order by min(created_at), instance_id limit 200`,
    [record.entity, record.id],
  );
  const instances: { id: string; state: ProcessInstance }[] = [];
  for (const { instance_id } of found) {
    const state = await deps.instances().get(instance_id);
    if (state) instances.push({ id: instance_id, state });
  }
  return sheetRows(deps, instances);
}
