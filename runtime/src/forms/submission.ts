import { applyDefaults } from '../definitions/entity/record-data.js';
import { type Locale, type Problem, pick } from '../definitions/kinds.js';
import type { CompiledForm } from './compile-form.js';
import { evaluateForm, type FormState } from './evaluate-form.js';
import type { EvaluationClock } from './expressions/index.js';

export interface SubmissionInput {
  /** What the person filled in (the browser's values; never trusted beyond the editable, visible fields). */
  submitted: Record<string, unknown>;
  /** The record's current data when editing; absent when creating. */
  existing?: Record<string, unknown>;
  clock: EvaluationClock;
  locale: Locale;
}

export interface PreparedSubmission {
  /** The record data to save: existing values, the accepted input, recomputed values. */
  data: Record<string, unknown>;
  /** Per-field problems (`/fieldKey`), in the caller's language; empty when the data may be saved. */
  problems: Problem[];
  state: FormState;
}

/** Visibility settles within a few passes; the bound only guards against conditions that flip each other. */
const maxPasses = 5;

/**
 * The submit pipeline's pure part, the same in the browser (to show errors before sending) and on the server
 * (which re-evaluates everything itself): take only editable fields that are visible, recompute computed
 * values, drop or restore fields hidden by conditions, then validate against the data type and the form.
 */
export function prepareSubmission(form: CompiledForm, input: SubmissionInput): PreparedSubmission {
  const { submitted, existing, clock, locale } = input;
  const problems: Problem[] = unknownFields(form, submitted, locale);
  const base: Record<string, unknown> = existing ? { ...existing } : applyDefaults(form.entity, {});
  for (const field of form.fields) {
    if (field.locked || !Object.hasOwn(submitted, field.key)) continue;
    const value = submitted[field.key];
    if (value === null || value === undefined || value === '') delete base[field.key];
    else base[field.key] = value;
  }

  let state = evaluateForm(form, base, clock);
  for (let pass = 0; pass < maxPasses; pass++) {
    const data = { ...state.values };
    for (const field of form.fields) {
      if (state.visible.has(field.elementId)) continue;
      // A field hidden by a condition is not changed through the form: its value stays what it was.
      if (existing && Object.hasOwn(existing, field.key) && !field.computed)
        data[field.key] = existing[field.key];
      else if (!field.computed) delete data[field.key];
    }
    const next = evaluateForm(form, data, clock);
    const settled = sameSet(next.visible, state.visible);
    state = next;
    if (settled) break;
  }

  problems.push(...form.validator(locale)(state.values), ...requiredHere(form, state, locale));
  return { data: state.values, problems: dedupe(problems), state };
}

function unknownFields(form: CompiledForm, submitted: Record<string, unknown>, locale: Locale): Problem[] {
  const known = new Set(form.entity.fields.map((f) => f.key));
  return Object.keys(submitted)
    .filter((key) => !known.has(key))
    .map((key) => ({
      pointer: `/${key}`,
      code: 'additionalProperties',
      message: pick(locale, `Неизвестное поле «${key}»`, `Unknown field "${key}"`),
    }));
}

/** Fields the form itself makes required, checked only while they are visible. */
function requiredHere(form: CompiledForm, state: FormState, locale: Locale): Problem[] {
  return form.fields
    .filter((f) => f.requiredHere && state.visible.has(f.elementId) && isEmpty(state.values[f.key]))
    .map((f) => {
      const label = f.field.label[locale] ?? f.field.label.ru;
      return {
        pointer: `/${f.key}`,
        code: 'required',
        message: pick(locale, `Заполните поле «${label}»`, `"${label}" is required`),
      };
    });
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.pointer}|${p.code}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
