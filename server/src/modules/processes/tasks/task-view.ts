import type { Em } from '../../../db/database.js';
import { documentHash } from './document-hash.js';
import type { TaskDeps } from './task-deps.js';
import type { TaskRow } from './task-rows.js';

/** A task as the inbox shows it (the contract's `Task`). */
export interface TaskView {
  id: string;
  instanceId: string;
  processKey: string;
  processName: string;
  nodeId: string;
  kind: TaskRow['kind'];
  title: string;
  assignee: { kind: TaskRow['assignee_kind']; value: string };
  claimedBy?: { id: string; name: string };
  status: TaskRow['status'];
  createdAt: string;
  dueAt?: string;
  overdue: boolean;
  record?: { entity: string; id: string; title?: string };
  form?: string;
  outcomes: string[];
  canDelegate: boolean;
  bulkApprove: boolean;
  documentHash?: string;
  completedAt?: string;
  completedBy?: { id: string; name: string };
  outcome?: string;
  comment?: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** What an approver may answer: approve and reject, and a return for revision where the node allows it. */
function outcomesOf(row: TaskRow, allowReturn: boolean): string[] {
  if (row.kind !== 'approval') return [];
  return allowReturn ? ['approve', 'reject', 'return'] : ['approve', 'reject'];
}

/**
 * A task row as the inbox shows it. A task about a module's document (`@kb-article`) takes the document's title
 * and content hash from its type, as a record's come from the row's join.
 */
export async function taskView(
  deps: Pick<TaskDeps, 'versions' | 'documents'>,
  stored: TaskRow,
  now: number,
  tx?: Em,
): Promise<TaskView> {
  const row = await withDocument(deps, stored, tx);
  const version = await deps.versions.get(row.process_key, row.process_version, tx);
  const node = version?.nodes.get(row.node_id);
  const allowReturn = node?.type === 'opora.approvalTask' && node.config.allowReturn === true;
  const dueAt = row.due_at === null ? undefined : iso(row.due_at);
  const open = row.status === 'open';
  const hasRecord = row.record_entity !== null && row.record_id !== null;
  return {
    id: row.id,
    instanceId: row.instance_id,
    processKey: row.process_key,
    processName: version?.name ?? row.process_key,
    nodeId: row.node_id,
    kind: row.kind,
    title: row.title ?? node?.name ?? row.node_id,
    assignee: { kind: row.assignee_kind, value: row.assignee_value },
    ...(row.claimed_by ? { claimedBy: { id: row.claimed_by, name: row.claimed_name ?? '' } } : {}),
    status: row.status,
    createdAt: iso(row.created_at),
    ...(dueAt ? { dueAt } : {}),
    overdue: open && dueAt !== undefined && Date.parse(dueAt) < now,
    ...(hasRecord
      ? {
          record: {
            entity: row.record_entity as string,
            id: row.record_id as string,
            ...(row.record_title ? { title: row.record_title } : {}),
          },
        }
      : {}),
    ...(row.form_key ? { form: row.form_key } : {}),
    outcomes: outcomesOf(row, allowReturn),
    canDelegate: open && row.kind === 'approval',
    bulkApprove: open && row.kind === 'approval',
    ...(row.kind === 'approval' && row.record_data != null
      ? { documentHash: documentHash(row.record_data) }
      : {}),
    ...(row.completed_at ? { completedAt: iso(row.completed_at) } : {}),
    ...(row.completed_by ? { completedBy: { id: row.completed_by, name: row.completed_name ?? '' } } : {}),
    ...(row.outcome ? { outcome: row.outcome } : {}),
    ...(row.comment ? { comment: row.comment } : {}),
  };
}

/** The row with its document's title and content in place of a record's, when it is about a module's document. */
async function withDocument(
  deps: Pick<TaskDeps, 'documents'>,
  row: TaskRow,
  tx: Em | undefined,
): Promise<TaskRow> {
  const type = row.record_entity ? deps.documents.of(row.record_entity) : undefined;
  if (!type || !row.record_id) return row;
  const document = await type.read(tx, row.record_id);
  return { ...row, record_title: document?.title ?? null, record_data: document?.content ?? null };
}
