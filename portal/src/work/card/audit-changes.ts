import type { EntityBody, EntityField } from '@opora/runtime/definitions';

export interface FieldChange {
  field: EntityField;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const asData = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** The fields one audit entry changed, in the type's field order (fields the type no longer has are left out). */
export function auditChanges(entity: EntityBody, before: unknown, after: unknown): FieldChange[] {
  const from = asData(before);
  const to = asData(after);
  return entity.fields
    .filter((field) => !same(from[field.key], to[field.key]))
    .map((field) => ({ field, before: from[field.key], after: to[field.key] }));
}
