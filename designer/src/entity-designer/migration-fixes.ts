import type { BreakingChange, EntityBody, MigrationRule } from '@opora/runtime/definitions';
import { type Body, type Field, ruleFor, withRule } from './entity-draft';

/** A first value a `set` rule can start from; the analyst edits it in the rule. */
export function startValue(field: Field | undefined): unknown {
  switch (field?.type) {
    case 'enum':
      return field.options[0]?.value ?? '';
    case 'boolean':
      return false;
    case 'number':
    case 'money':
      return field.min ?? 0;
    default:
      return '';
  }
}

/**
 * The body with the migration rule that resolves a change added (merged into the field's existing rule):
 * convert values, fill a value, replace removed options with the first remaining one, or delete the values.
 */
export function withFix(body: Body, change: BreakingChange): Body {
  const field = body.fields.find((f) => f.key === change.field);
  const rule: MigrationRule = { ...(ruleFor(body, change.field) ?? { field: change.field }) };
  switch (change.fix) {
    case 'convert':
      rule.convert = true;
      break;
    case 'set':
      if (rule.set === undefined || rule.set === null) rule.set = startValue(field);
      break;
    case 'map': {
      const first = field?.type === 'enum' ? (field.options[0]?.value ?? null) : null;
      const values = change.code === 'option-removed' ? change.values : [];
      rule.map = { ...Object.fromEntries(values.map((v) => [v, first])), ...rule.map };
      break;
    }
    case 'drop':
      return withRule(body, { field: change.field, drop: true }, change.field);
    case null:
      return body;
  }
  return withRule(body, rule, change.field);
}

/** Enum options of the published field that the draft no longer has: what a `map` rule answers for. */
export function removedOptions(
  published: EntityBody | null,
  field: Field | undefined,
  key: string,
): string[] {
  const old = published?.fields.find((f) => f.key === key);
  if (old?.type !== 'enum') return [];
  const kept = new Set(field?.type === 'enum' ? field.options.map((o) => o.value) : []);
  return old.options.map((o) => o.value).filter((v) => !kept.has(v));
}
