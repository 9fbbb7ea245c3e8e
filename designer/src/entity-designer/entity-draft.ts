import type { EntityBody, EntityField, FieldType, MigrationRule } from '@opora/runtime/definitions';

/**
 * The data type as the fields tab edits it: the draft body read tolerantly (it may be half-typed in the JSON
 * tab), changed by pure functions that return a new body, and written back whole. Properties the designer does
 * not know stay as they were; the runtime's schema stays the judge of what is valid.
 */
export type Field = EntityField;
export type Body = EntityBody & Record<string, unknown>;

export function readEntity(body: Record<string, unknown>): Body {
  const fields = Array.isArray(body.fields)
    ? body.fields.filter((f): f is Field => typeof f === 'object' && f !== null)
    : [];
  const label = typeof body.label === 'object' && body.label ? (body.label as Body['label']) : { ru: '' };
  return { ...body, label, fields } as Body;
}

/** The field types in the order the "add field" menu offers them. */
export const fieldTypes: readonly FieldType[] = [
  'string',
  'text',
  'richtext',
  'number',
  'money',
  'date',
  'datetime',
  'boolean',
  'enum',
  'email',
  'phone',
  'url',
  'file',
  'user',
  'relation',
  'table',
];

/** Types a table column may have (the schema's scalar fields). */
export const columnTypes = fieldTypes.filter((t) => t !== 'relation' && t !== 'table');

const cyrillic = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'];
const latin = 'a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya'.split(' ');
const translit = new Map(cyrillic.map((c, i) => [c, latin[i] === '-' ? '' : latin[i]!]));

/** A key suggested by a label: transliterated, camelCase, a valid field key ("Канал обращения" → kanalObrashcheniya). */
export function keyFromLabel(label: string): string {
  const words = [...label.toLowerCase()]
    .map((c) => translit.get(c) ?? c)
    .join('')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  const valid = /^[a-z]/.test(key) ? key : `f${key}`;
  return valid.slice(0, 63);
}

/** `base`, or `base2`, `base3`… whichever is not taken. */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

/** A new field of the type with what the schema requires of it filled in. */
export function newField(type: FieldType, label: string, taken: Iterable<string>, optionLabel = ''): Field {
  const key = uniqueKey(keyFromLabel(label) || 'field', taken);
  const base = { key, type, label: { ru: label } };
  switch (type) {
    case 'enum':
      return { ...base, type, options: [{ value: 'option1', label: { ru: optionLabel || label } }] };
    case 'relation':
      return { ...base, type, entity: '' };
    case 'table':
      return { ...base, type, columns: [{ key: 'name', type: 'string', label: { ru: label } }] };
    default:
      return base as Field;
  }
}

const common = new Set(['key', 'type', 'label', 'help', 'required', 'unique', 'readOnly']);

/** The field under another type: what every type has stays, what belonged to the old type (and the default) goes. */
export function withType(field: Field, type: FieldType, optionLabel: string): Field {
  const kept = Object.fromEntries(Object.entries(field).filter(([k]) => common.has(k)));
  const fresh = newField(type, field.label.ru, [], optionLabel);
  return { ...fresh, ...kept, type } as Field;
}

export const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));

/** Moves the item at `from` by `delta` places; out of range leaves the list as it is. */
export function move<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** A copy right after the original, under a free key. */
export function duplicateAt(fields: readonly Field[], index: number, copySuffix: string): Field[] {
  const original = fields[index]!;
  const copy = structuredClone(original);
  copy.key = uniqueKey(
    `${original.key}Copy`.slice(0, 60),
    fields.map((f) => f.key),
  );
  copy.label = { ...copy.label, ru: `${original.label.ru} ${copySuffix}`.trim() };
  const next = [...fields];
  next.splice(index + 1, 0, copy);
  return next;
}

/** Removing a field also removes it as the title field; its migration rule stays (a removal may need `drop`). */
export function removeField(body: Body, index: number): Body {
  const removed = body.fields[index];
  const fields = body.fields.filter((_, i) => i !== index);
  const next: Body = { ...body, fields };
  if (removed && body.titleField === removed.key) delete next.titleField;
  return next;
}

/**
 * Renaming a (not yet published) field's key renames it where the body names it: the title field and migration
 * rules. Other definitions that use the old key (forms) are the reference check's business at their publish.
 */
export function renameKey(body: Body, index: number, key: string): Body {
  const old = body.fields[index]!.key;
  return {
    ...body,
    fields: replaceAt(body.fields, index, { ...body.fields[index]!, key }),
    ...(body.titleField === old ? { titleField: key } : {}),
    ...(body.migrate
      ? { migrate: body.migrate.map((r) => (r.field === old ? { ...r, field: key } : r)) }
      : {}),
  };
}

/** Sets or replaces the body's migration rule for the field; an empty rule removes it. */
export function withRule(body: Body, rule: MigrationRule | null, field: string): Body {
  const others = (body.migrate ?? []).filter((r) => r.field !== field);
  const migrate = rule ? [...others, rule] : others;
  const next: Body = { ...body, migrate };
  if (!migrate.length) delete next.migrate;
  return next;
}

export const ruleFor = (body: Body, field: string): MigrationRule | undefined =>
  body.migrate?.find((r) => r.field === field);
