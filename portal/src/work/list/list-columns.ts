import type { EntityBody, EntityField } from '@opora/runtime/definitions';

/** Columns every record has besides its fields; the records API filters and sorts by these names. */
export type BuiltinColumn = 'number' | 'createdAt' | 'updatedAt';
export const builtinColumns: readonly BuiltinColumn[] = ['number', 'createdAt', 'updatedAt'];

export type ListColumn =
  | { key: BuiltinColumn; builtin: true; sortable: true }
  | { key: string; builtin: false; field: EntityField; sortable: boolean };

/** Lists, files and tables have no order in the records API. */
const isArrayField = (field: EntityField): boolean =>
  field.type === 'table' ||
  field.type === 'file' ||
  (field.type === 'relation' && field.many === true) ||
  (field.type === 'user' && field.multiple === true);

/** Every column a list of this type can show: the record number, each field, then the dates. */
export function listColumns(entity: EntityBody): ListColumn[] {
  const fields = entity.fields.map(
    (field): ListColumn => ({ key: field.key, builtin: false, field, sortable: !isArrayField(field) }),
  );
  return [
    { key: 'number', builtin: true, sortable: true },
    ...fields,
    { key: 'createdAt', builtin: true, sortable: true },
    { key: 'updatedAt', builtin: true, sortable: true },
  ];
}

/** What a list shows before anyone chooses: number, title, statuses and a few short fields, then the creation date. */
export function defaultColumns(entity: EntityBody): string[] {
  const title = entity.titleField ?? entity.fields.find((f) => f.type === 'string')?.key;
  const short = entity.fields.filter(
    (f) => f.key !== title && !['text', 'richtext', 'table', 'file'].includes(f.type),
  );
  const statuses = short.filter((f) => f.type === 'enum');
  const rest = short.filter((f) => f.type !== 'enum');
  const picked = [...statuses, ...rest].slice(0, 4).map((f) => f.key);
  const ordered = entity.fields.map((f) => f.key).filter((key) => key === title || picked.includes(key));
  return ['number', ...ordered, 'createdAt'];
}

/** The chosen columns that still exist (a saved view may outlive a field), in the type's own order. */
export function visibleColumns(entity: EntityBody, chosen: readonly string[] | null): ListColumn[] {
  const wanted = new Set(chosen ?? defaultColumns(entity));
  const columns = listColumns(entity).filter((c) => wanted.has(c.key));
  return columns.length ? columns : listColumns(entity).filter((c) => c.key === 'number');
}
