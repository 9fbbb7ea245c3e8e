import type { EntityField } from '@opora/runtime/definitions';

/**
 * SQL expressions over a record's JSONB data, written the same way by the list query and by the indexes
 * publishing creates (record-indexes.ts): PostgreSQL uses an expression index only for the very same
 * expression, and only when the field key is a literal, so keys are spelled into the text — after checking
 * them against the definition schema's own pattern, so no other text can ever reach the SQL.
 */
const fieldKey = /^[a-z][a-zA-Z0-9_]{0,62}$/;
const entityKey = /^[a-z][a-z0-9_-]{0,62}$/;

/** The record's own columns a list filters and sorts by, under their API names. */
export const builtins: Record<string, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  number: 'number',
};

/** The PostgreSQL type a field's values compare as in lists. */
export type FieldCast = 'text' | 'numeric' | 'date' | 'timestamptz';

export function keyLiteral(key: string): string {
  if (!fieldKey.test(key)) throw new Error(`not a field key: ${JSON.stringify(key)}`);
  return `'${key}'`;
}

export function entityLiteral(key: string): string {
  if (!entityKey.test(key)) throw new Error(`not a data type key: ${JSON.stringify(key)}`);
  return `'${key}'`;
}

/** The field's value as text: what filters by equality, `in` and `empty` compare. */
export const fieldText = (key: string): string => `(data->>${keyLiteral(key)})`;

export function castFor(field: EntityField): FieldCast {
  if (field.type === 'number' || field.type === 'money') return 'numeric';
  if (field.type === 'date') return 'date';
  if (field.type === 'datetime') return 'timestamptz';
  return 'text';
}

/**
 * The field's value typed for ordering and range filters. Dates go through the immutable wrappers of the
 * 0021l migration: a plain `::date` cast is only "stable", which an index expression may not be.
 */
export function fieldValue(key: string, cast: FieldCast): string {
  const text = `data->>${keyLiteral(key)}`;
  if (cast === 'numeric') return `((${text})::numeric)`;
  if (cast === 'date') return `opora_date(${text})`;
  if (cast === 'timestamptz') return `opora_timestamptz(${text})`;
  return `(${text})`;
}

/** Fields holding several values (a table, many relations or files): no order, `contains` instead of `eq`. */
export function isArrayField(field: EntityField): boolean {
  const options = field as { many?: boolean; multiple?: boolean };
  return field.type === 'table' || options.many === true || options.multiple === true;
}
