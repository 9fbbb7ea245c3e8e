import { type FormBody, type Locale, walkLayout } from '@opora/runtime/definitions';
import {
  type CompiledForm,
  type EvaluationClock,
  evaluateForm,
  type FormState,
  type PreparedSubmission,
  prepareSubmission,
} from '@opora/runtime/forms';
import { createStore, type Store } from '../lib/store';
import { type FieldProblems, noProblems, precheckProblems, withoutField } from './error-mapping';

export interface FormSnapshot {
  /** What the person entered (or the record holds), before computed values. */
  values: Record<string, unknown>;
  /** Computed values filled in, and which elements show, for the values above. */
  state: FormState;
  problems: FieldProblems;
  /** A save was tried: the summary at the top lists what stops it. */
  attempted: boolean;
  saving: boolean;
}

/**
 * One person's session with one form: values, live evaluation, problems. Kept outside React so the renderer,
 * the widgets and the screen's save button read and change the same state, and so it can be tested alone.
 */
export interface FormModel {
  readonly compiled: CompiledForm;
  readonly store: Store<FormSnapshot>;
  /** The record's data as saved (edit), or undefined (create); status fields move from these values. */
  readonly original: Record<string, unknown> | undefined;
  setValue(key: string, value: unknown): void;
  /** Starts over from a record's data (after a reload, or to leave edit mode). */
  reset(values: Record<string, unknown>, original?: Record<string, unknown>): void;
  /** Fields on screen now: visible and not hidden by design. */
  fieldsShown(): Set<string>;
  /** The browser's check with the shared runtime; problems go next to their fields. Null when it may be sent. */
  precheck(locale: Locale): PreparedSubmission | null;
  /** What to send: every field the person may change on this form (cleared ones as null). */
  submission(): Record<string, unknown>;
  showProblems(problems: FieldProblems): void;
  setSaving(saving: boolean): void;
}

export function createFormModel(
  compiled: CompiledForm,
  initial: Record<string, unknown>,
  clock: () => EvaluationClock,
  original?: Record<string, unknown>,
): FormModel {
  const hidden = hiddenElements(compiled.form);
  const snapshot = (values: Record<string, unknown>): FormSnapshot => ({
    values,
    state: evaluateForm(compiled, values, clock()),
    problems: noProblems,
    attempted: false,
    saving: false,
  });
  const store = createStore(snapshot(initial));
  let saved = original;
  const model: FormModel = {
    compiled,
    store,
    get original() {
      return saved;
    },
    setValue(key, value) {
      store.set((s) => {
        const values = { ...s.values };
        if (value === undefined) delete values[key];
        else values[key] = value;
        return {
          ...s,
          values,
          state: evaluateForm(compiled, values, clock()),
          problems: withoutField(s.problems, key),
        };
      });
    },
    reset(values, nextOriginal) {
      saved = nextOriginal;
      store.set(snapshot(values));
    },
    fieldsShown() {
      const { state } = store.get();
      return new Set(
        compiled.fields
          .filter((f) => state.visible.has(f.elementId) && !hidden.has(f.elementId))
          .map((f) => f.key),
      );
    },
    precheck(locale) {
      const prepared = prepareSubmission(compiled, {
        submitted: model.submission(),
        existing: saved,
        clock: clock(),
        locale,
      });
      if (!prepared.problems.length) return prepared;
      model.showProblems(precheckProblems(prepared.problems, model.fieldsShown()));
      return null;
    },
    submission() {
      const { values } = store.get();
      const data: Record<string, unknown> = {};
      for (const field of compiled.fields) if (!field.locked) data[field.key] = values[field.key] ?? null;
      return data;
    },
    showProblems(problems) {
      store.set((s) => ({ ...s, problems, attempted: true }));
    },
    setSaving(saving) {
      store.set((s) => ({ ...s, saving }));
    },
  };
  return model;
}

function hiddenElements(form: FormBody): Set<string> {
  const ids = new Set<string>();
  for (const { element } of walkLayout(form.layout))
    if (element.type === 'field' && element.hidden) ids.add(element.id);
  return ids;
}
