import type { EntityBody, PortalAccount } from '@opora/runtime/definitions';
import type { LocalText, MyRequest, MyRequestHistoryEntry } from '@opora/sdk';

export interface AuditRow {
  at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  before: Record<string, unknown> | string | null;
  after: Record<string, unknown> | string | null;
}

type Data = Record<string, unknown>;
const parsed = (value: AuditRow['before']): Data | null =>
  typeof value === 'string' ? (JSON.parse(value) as Data) : value;

/** A request's status as the client sees it: the option's label and colour from the data type. */
export function statusOf(body: EntityBody, field: string, value: unknown): MyRequest['status'] {
  if (typeof value !== 'string') return null;
  const def = body.fields.find((f) => f.key === field);
  const option = def?.type === 'enum' ? def.options.find((o) => o.value === value) : undefined;
  return { value, label: option?.label ?? { ru: value }, color: option?.color ?? null };
}

/**
 * The request's history for its client, oldest first: who changed it (staff by name, the client as null, the
 * changes nobody signed in made under the name `system`), how the status moved and which other fields changed — labels only, never values, so
 * internal notes stay internal.
 */
export function requestHistory(
  rows: AuditRow[],
  body: EntityBody,
  account: PortalAccount,
  clientUserId: string,
  system: string,
): MyRequestHistoryEntry[] {
  const status = account.requestStatus;
  const label = (value: unknown): LocalText | null => statusOf(body, status, value)?.label ?? null;
  return rows.flatMap((row): MyRequestHistoryEntry[] => {
    if (row.action !== 'create' && row.action !== 'update') return [];
    const before = row.action === 'create' ? {} : (parsed(row.before) ?? {});
    const after = parsed(row.after) ?? {};
    const moved = before[status] !== after[status];
    const changed = new Set(
      [...Object.keys(before), ...Object.keys(after)].filter(
        (key) => key !== status && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      ),
    );
    const fields = body.fields.filter((f) => changed.has(f.key)).map((f) => f.label);
    if (row.action === 'update' && !moved && !fields.length) return [];
    return [
      {
        at: new Date(row.at).toISOString(),
        by: row.actor_id === clientUserId ? null : (row.actor_name ?? system),
        action: row.action,
        status: moved ? { from: label(before[status]), to: label(after[status]) } : null,
        fields: row.action === 'create' ? [] : fields,
      },
    ];
  });
}
