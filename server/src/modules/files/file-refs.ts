import type { EntityBody, EntityField } from '@opora/runtime/definitions';
import type { FileRef } from '@opora/sdk';

export type FileField = Extract<EntityField, { type: 'file' }>;

/** A file field by its path: 'attachments', or 'table.column' for a file column of a table field. */
export function findFileField(body: EntityBody, path: string): FileField | undefined {
  const [key, column, ...rest] = path.split('.');
  if (rest.length) return undefined;
  const field = body.fields.find((f) => f.key === key);
  if (!field) return undefined;
  if (column === undefined) return field.type === 'file' ? field : undefined;
  if (field.type !== 'table') return undefined;
  const inner = field.columns.find((c) => c.key === column);
  return inner?.type === 'file' ? inner : undefined;
}

/** One file reference found in record data: the field path it sits in and its JSON pointer inside the data. */
export interface FoundRef {
  path: string;
  pointer: string;
  ref: FileRef;
}

const isRef = (value: unknown): value is FileRef =>
  typeof value === 'object' && value !== null && typeof (value as FileRef).id === 'string';

function refsOf(value: unknown, path: string, pointer: string): FoundRef[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => (isRef(item) ? [{ path, pointer: `${pointer}/${i}`, ref: item }] : []));
  return isRef(value) ? [{ path, pointer, ref: value }] : [];
}

/** Every file reference in a record's data, including file columns of table fields. */
export function fileRefsIn(body: EntityBody, data: Record<string, unknown>): FoundRef[] {
  return body.fields.flatMap((field) => {
    if (field.type === 'file') return refsOf(data[field.key], field.key, `/${field.key}`);
    if (field.type !== 'table' || !Array.isArray(data[field.key])) return [];
    const rows = data[field.key] as unknown[];
    return field.columns.flatMap((column) =>
      column.type !== 'file'
        ? []
        : rows.flatMap((row, i) =>
            typeof row === 'object' && row !== null
              ? refsOf(
                  (row as Record<string, unknown>)[column.key],
                  `${field.key}.${column.key}`,
                  `/${field.key}/${i}/${column.key}`,
                )
              : [],
          ),
    );
  });
}

/**
 * JSONB documents a record's data contains (`@>`) exactly when the field at `path` holds the file, single or
 * multiple (a field may have switched between the two across versions); the GIN index on record.data serves them.
 */
export function containmentPatterns(path: string, id: string): [string, string] {
  const [key = '', column] = path.split('.');
  const single = { id };
  const wrap = (value: unknown) =>
    JSON.stringify(column ? { [key]: [{ [column]: value }] } : { [key]: value });
  return [wrap(single), wrap([single])];
}
