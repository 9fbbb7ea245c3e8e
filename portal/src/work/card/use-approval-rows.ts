import { useAsync } from '../../lib/use-async';
import type { ApprovalSheetRow } from '../tasks/task-types';
import { tasksApi } from '../tasks/tasks-api';

const none: ApprovalSheetRow[] = [];

/**
 * A record's approval sheet rows; read again when the record's version changes. A server without processes (or
 * a refusal) reads as no rows: the card simply shows no «Лист согласования».
 */
export function useApprovalRows(entity: string, id: string, version: number): ApprovalSheetRow[] {
  const rows = useAsync(
    () =>
      tasksApi.approvals(entity, id).then(
        ({ items }) => items,
        () => none,
      ),
    [entity, id, version],
  );
  return rows.data ?? none;
}
