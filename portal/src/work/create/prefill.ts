import type { EntityBody } from '@opora/runtime/definitions';

/**
 * Values a link may start a new record with (`/work/request/new?client=<id>` from a client's card): only
 * fields of simple types, only when the value could be valid.
 */
export function prefillFromQuery(entity: EntityBody, search: string): Record<string, unknown> {
  const params = new URLSearchParams(search);
  const values: Record<string, unknown> = {};
  for (const field of entity.fields) {
    const value = params.get(field.key);
    if (value === null || value === '') continue;
    if (field.type === 'relation') values[field.key] = field.many ? [value] : value;
    else if (field.type === 'enum' && field.options.some((o) => o.value === value)) values[field.key] = value;
    else if (field.type === 'string' || field.type === 'text') values[field.key] = value;
  }
  return values;
}
