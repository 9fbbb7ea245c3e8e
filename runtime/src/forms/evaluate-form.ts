import type { EntityField } from '../definitions/entity/schema.js';
import type { CompiledForm } from './compile-form.js';
import { type EvaluationClock, type Expr, evaluate, text, truthy, type Value } from './expressions/index.js';

/** What a form shows for some values: the values with computed ones filled in, and which elements are visible. */
export interface FormState {
  values: Record<string, unknown>;
  /** Ids of visible elements (fields and containers). */
  visible: Set<string>;
}

/**
 * Computes the computed fields (in dependency order) and the visibility of every element. Pure and total:
 * the browser calls it on every keystroke, the server again on submit, and both get the same answer.
 */
export function evaluateForm(
  form: CompiledForm,
  values: Record<string, unknown>,
  clock: EvaluationClock,
): FormState {
  const next: Record<string, unknown> = { ...values };
  for (const field of form.computeOrder) {
    const value = fitToField(evaluate(field.computed as Expr, next, clock), field.field);
    if (value === undefined) delete next[field.key];
    else next[field.key] = value;
  }
  const holds = (conditions: Expr[]) => conditions.every((c) => truthy(evaluate(c, next, clock)));
  const visible = new Set<string>();
  for (const container of form.containers) if (holds(container.conditions)) visible.add(container.id);
  for (const field of form.fields) if (holds(field.conditions)) visible.add(field.elementId);
  return { values: next, visible };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A computed value in the shape its field stores; what does not fit leaves the field empty. */
function fitToField(value: Value, field: EntityField): unknown {
  if (value === null) return undefined;
  switch (field.type) {
    case 'number':
    case 'money':
      return typeof value === 'number' ? value : undefined;
    case 'boolean':
      return truthy(value);
    case 'date':
      return typeof value === 'string' && isoDate.test(value.slice(0, 10)) ? value.slice(0, 10) : undefined;
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'phone':
    case 'url': {
      const s = text(value);
      return s === '' ? undefined : s;
    }
    default:
      return value;
  }
}
