import { breakingChanges } from './evolution.js';
import { convertValue, fieldValueFits, isEmptyValue } from './field-conversion.js';
import type { EntityBody, EntityField } from './schema.js';

/** What publishing `next` does to one field of existing records. */
export interface FieldStep {
  field: string;
  /** Index of the migration rule in `next.migrate` that asked for it, null when implied (a default, a removal). */
  rule: number | null;
  /** The field left the type: its key goes from every record; real values only with a `drop` rule. */
  remove?: { drop: boolean };
  /** Removed enum options and what takes their place (null: no value). */
  map?: Record<string, string | null>;
  /** Values are brought to the new field (type, options, limits). */
  convert?: { from: EntityField; to: EntityField };
  /** Given to records without a value (a new or newly required field). */
  fill?: unknown;
  /** Given instead of a value that cannot be converted. */
  fallback?: unknown;
}

export interface MigrationPlan {
  steps: FieldStep[];
  /** Some step fills empty values, so every record is concerned, not only those holding one of the fields. */
  everyRecord: boolean;
}

/** A value a `convert` step could not bring to the new field, and no `set` stood in for it. */
export interface ConversionFailure {
  field: string;
  value: unknown;
}

export interface MigratedData {
  data: Record<string, unknown>;
  changed: boolean;
  failures: ConversionFailure[];
}

/**
 * The steps publishing `next` over `prev` takes on existing records: the analyst's migration rules, each only
 * where it covers a change (so republishing the same body is a no-op), plus what needs no asking: removing the
 * key of a removed field where it holds nothing, and filling a new or newly required field from its default.
 */
export function planMigration(prev: EntityBody, next: EntityBody): MigrationPlan {
  const before = new Map(prev.fields.map((f) => [f.key, f]));
  const rules = new Map((next.migrate ?? []).map((rule, index) => [rule.field, { rule, index }]));
  const converting = new Set(
    breakingChanges(prev, next)
      .filter((c) => c.fix === 'convert' || c.code === 'option-removed')
      .map((c) => c.field),
  );
  const steps: FieldStep[] = [];
  for (const field of next.fields) {
    const old = before.get(field.key);
    const found = rules.get(field.key);
    const rule = found?.rule;
    const step: FieldStep = { field: field.key, rule: found?.index ?? null };
    const newlyRequired = field.required && !old?.required;
    if (!old || newlyRequired) {
      const fill = rule?.set !== undefined ? rule.set : newlyRequired ? field.default : undefined;
      if (fill !== undefined && fill !== null) step.fill = fill;
    }
    if (old?.type === 'enum' && rule?.map) {
      const options = new Set(field.type === 'enum' ? field.options.map((o) => o.value) : []);
      const removed = Object.entries(rule.map).filter(
        ([from]) => old.options.some((o) => o.value === from) && !options.has(from),
      );
      if (removed.length) step.map = Object.fromEntries(removed);
    }
    if (old && rule?.convert && converting.has(field.key)) {
      step.convert = { from: old, to: field };
      if (rule.set !== undefined) step.fallback = rule.set;
    }
    if (step.fill !== undefined || step.map || step.convert) steps.push(step);
  }
  const kept = new Set(next.fields.map((f) => f.key));
  for (const old of prev.fields)
    if (!kept.has(old.key)) {
      const found = rules.get(old.key);
      steps.push({
        field: old.key,
        rule: found?.index ?? null,
        remove: { drop: found?.rule.drop === true },
      });
    }
  return { steps, everyRecord: steps.some((s) => s.fill !== undefined) };
}

/** Applies the plan to one record's data (the input is not modified). */
export function migrateRecord(plan: MigrationPlan, data: Record<string, unknown>): MigratedData {
  const result = { ...data };
  const failures: ConversionFailure[] = [];
  let changed = false;
  const put = (key: string, value: unknown) => {
    if (value === null || value === undefined) {
      if (key in result) delete result[key];
    } else result[key] = value;
  };
  for (const step of plan.steps) {
    const key = step.field;
    const original = result[key];
    let value = original;
    if (step.remove) {
      if (key in result && (step.remove.drop || isEmptyValue(value))) {
        delete result[key];
        changed = true;
      }
      continue;
    }
    if (step.map && typeof value === 'string' && Object.hasOwn(step.map, value)) value = step.map[value];
    if (step.convert && !isEmptyValue(value)) {
      const converted = convertValue(value, step.convert.from, step.convert.to);
      if (converted.ok && (isEmptyValue(converted.value) || fieldValueFits(step.convert.to, converted.value)))
        value = converted.value;
      else if (step.fallback !== undefined) value = structuredClone(step.fallback);
      else failures.push({ field: key, value });
    }
    if (step.fill !== undefined && isEmptyValue(value)) value = structuredClone(step.fill);
    if (!sameJson(value, original)) {
      put(key, value);
      changed = true;
    }
  }
  return { data: result, changed, failures };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
