import type { EntityBody, EntityField, FieldType, MigrationRule } from './schema.js';

/**
 * What the server must find out about existing records before a change can be called harmless. The runtime
 * cannot look at records; it names the question and the server answers it (with SQL, or by streaming values
 * through {@link fieldValueFits} for `misfit`).
 */
export type DataQuestion =
  /** Records holding a value in the field (not null, not ''). */
  | { ask: 'filled'; field: string }
  /** Records with no value in the field (absent, null or ''). */
  | { ask: 'empty'; field: string }
  /** Records whose value is one of these enum values. */
  | { ask: 'oneOf'; field: string; values: string[] }
  /** Records whose value `check` refuses: the new field, or the old one with just the tightened limit. */
  | { ask: 'misfit'; field: string; check: EntityField }
  /** Records sharing their value with another record. */
  | { ask: 'duplicates'; field: string };

export type TightenedLimit = 'maxLength' | 'minLength' | 'pattern' | 'min' | 'max' | 'integer';

/** How a migration rule resolves a change; null when only editing the records can. */
export type ChangeFix = 'convert' | 'set' | 'map' | 'drop' | null;

type ChangeDetail =
  | { code: 'type-changed'; from: FieldType; to: FieldType }
  | { code: 'target-changed'; from: string; to: string }
  | { code: 'multiplicity-changed'; many: boolean }
  | { code: 'columns-changed' }
  | { code: 'required-added' }
  | { code: 'became-required' }
  | { code: 'option-removed'; values: string[]; names: Record<string, { ru: string; en?: string }> }
  | { code: 'field-removed' }
  | { code: 'limit-tightened'; limit: TightenedLimit; value: number | string | boolean }
  | { code: 'unique-added' };

/** A change between two versions of a data type that may leave existing records invalid. */
export type BreakingChange = ChangeDetail & {
  /** The field's key. */
  field: string;
  /** The field's label (from the new body, or the old one for a removed field). */
  label: { ru: string; en?: string };
  /** JSON pointer into the new body: the property that changed, or `/fields` for a removed field. */
  pointer: string;
  /** What to count in the records; a count of 0 makes the change harmless. */
  question: DataQuestion;
  fix: ChangeFix;
  /** A migration rule of the new body (or the field's default) takes care of it. */
  covered: boolean;
};

const defaultMaxLength: Partial<Record<FieldType, number>> = { string: 1000, text: 100000 };
/** Types whose values mean something else under another type even when they look alike (HTML, ids). */
const meaningful = new Set<FieldType>(['richtext', 'relation', 'user', 'file', 'table']);

type Limits = { min?: number; max?: number; minLength?: number; maxLength?: number; pattern?: string };

/**
 * Lists the changes from the latest published version `prev` to `next` that matter if records exist, each with
 * the question that decides whether they do. Pure: the caller asks the questions of its records.
 */
export function breakingChanges(prev: EntityBody, next: EntityBody): BreakingChange[] {
  const rules = new Map((next.migrate ?? []).map((rule) => [rule.field, rule]));
  const changes: BreakingChange[] = [];
  const before = new Map(prev.fields.map((f) => [f.key, f]));
  next.fields.forEach((field, i) => {
    const old = before.get(field.key);
    const at = `/fields/${i}`;
    const rule = rules.get(field.key);
    const add = (detail: ChangeDetail, pointer: string, question: DataQuestion, fix: ChangeFix) =>
      changes.push({
        ...detail,
        field: field.key,
        label: field.label,
        pointer,
        // Removed options a `map` already replaces need no asking about.
        question:
          question.ask === 'oneOf' && rule?.map
            ? { ...question, values: question.values.filter((v) => !Object.hasOwn(rule.map!, v)) }
            : question,
        fix,
        covered: isCovered(detail, fix, rule, field),
      });
    if (!old) {
      if (field.required && field.default === undefined)
        add({ code: 'required-added' }, `${at}/required`, { ask: 'empty', field: field.key }, 'set');
      return;
    }
    if (field.required && !old.required && field.default === undefined)
      add({ code: 'became-required' }, `${at}/required`, { ask: 'empty', field: field.key }, 'set');
    if (field.unique && !old.unique)
      add({ code: 'unique-added' }, `${at}/unique`, { ask: 'duplicates', field: field.key }, null);
    for (const [detail, pointer, question, fix] of shapeChanges(old, field, at))
      add(detail, pointer, question, fix);
  });
  const kept = new Set(next.fields.map((f) => f.key));
  for (const old of prev.fields) {
    if (kept.has(old.key)) continue;
    changes.push({
      code: 'field-removed',
      field: old.key,
      label: old.label,
      pointer: '/fields',
      question: { ask: 'filled', field: old.key },
      fix: 'drop',
      covered: rules.get(old.key)?.drop === true,
    });
  }
  return changes;
}

type Shape = [ChangeDetail, string, DataQuestion, ChangeFix];

/** Changes of what a value may be: its type, its target, single or many, its options, its limits. */
function shapeChanges(old: EntityField, field: EntityField, at: string): Shape[] {
  const key = field.key;
  const misfit: DataQuestion = { ask: 'misfit', field: key, check: field };
  if (old.type !== field.type) {
    const question: DataQuestion =
      meaningful.has(old.type) || meaningful.has(field.type) ? { ask: 'filled', field: key } : misfit;
    return [[{ code: 'type-changed', from: old.type, to: field.type }, `${at}/type`, question, 'convert']];
  }
  const shapes: Shape[] = [];
  if (old.type === 'relation' && field.type === 'relation' && old.entity !== field.entity)
    shapes.push([
      { code: 'target-changed', from: old.entity, to: field.entity },
      `${at}/entity`,
      { ask: 'filled', field: key },
      'convert',
    ]);
  const many = (f: EntityField) =>
    f.type === 'relation' ? Boolean(f.many) : 'multiple' in f ? Boolean(f.multiple) : false;
  if (many(old) !== many(field))
    shapes.push([
      { code: 'multiplicity-changed', many: many(field) },
      `${at}/${field.type === 'relation' ? 'many' : 'multiple'}`,
      misfit,
      'convert',
    ]);
  if (old.type === 'enum' && field.type === 'enum') {
    const values = new Set(field.options.map((o) => o.value));
    const removed = old.options.filter((o) => !values.has(o.value));
    if (removed.length)
      shapes.push([
        {
          code: 'option-removed',
          values: removed.map((o) => o.value),
          names: Object.fromEntries(removed.map((o) => [o.value, o.label])),
        },
        `${at}/options`,
        { ask: 'oneOf', field: key, values: removed.map((o) => o.value) },
        'map',
      ]);
  }
  if (old.type === 'table' && field.type === 'table') {
    const asBody = (columns: EntityField[]) =>
      ({ schemaVersion: 1, label: { ru: '-' }, fields: columns }) as const;
    if (breakingChanges(asBody(old.columns), asBody(field.columns)).length)
      shapes.push([{ code: 'columns-changed' }, `${at}/columns`, { ask: 'filled', field: key }, 'convert']);
  }
  // Each limit asks about itself, so a message counts the records that break that limit and no other.
  for (const [limit, value] of tightenedLimits(old, field))
    shapes.push([
      { code: 'limit-tightened', limit, value },
      `${at}/${limit}`,
      { ask: 'misfit', field: key, check: { ...old, [limit]: value } as EntityField },
      'convert',
    ]);
  return shapes;
}

function tightenedLimits(
  old: EntityField,
  field: EntityField,
): [TightenedLimit, number | string | boolean][] {
  const a = old as Limits;
  const b = field as Limits;
  const found: [TightenedLimit, number | string | boolean][] = [];
  const maxLength = (f: Limits, type: FieldType) => f.maxLength ?? defaultMaxLength[type];
  const nextMax = maxLength(b, field.type);
  const prevMax = maxLength(a, old.type);
  if (nextMax !== undefined && (prevMax === undefined || nextMax < prevMax))
    found.push(['maxLength', nextMax]);
  if (b.minLength !== undefined && b.minLength > (a.minLength ?? 0)) found.push(['minLength', b.minLength]);
  if (b.pattern && b.pattern !== a.pattern) found.push(['pattern', b.pattern]);
  if (b.min !== undefined && (a.min === undefined || b.min > a.min)) found.push(['min', b.min]);
  if (b.max !== undefined && (a.max === undefined || b.max < a.max)) found.push(['max', b.max]);
  if (field.type === 'number' && old.type === 'number' && field.integer && !old.integer)
    found.push(['integer', true]);
  return found;
}

function isCovered(
  detail: ChangeDetail,
  fix: ChangeFix,
  rule: MigrationRule | undefined,
  field: EntityField,
): boolean {
  if (!rule) return false;
  switch (detail.code) {
    case 'required-added':
    case 'became-required':
      return rule.set !== undefined && rule.set !== null;
    case 'option-removed':
      return (
        detail.values.every((v) => rule.map && Object.hasOwn(rule.map, v)) ||
        (rule.convert === true && rule.set !== undefined && !(rule.set === null && field.required))
      );
    case 'unique-added':
      return false;
    default:
      return fix === 'convert' && rule.convert === true;
  }
}
