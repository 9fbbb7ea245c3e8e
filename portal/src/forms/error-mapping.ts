import type { Problem } from '@opora/runtime/definitions';
import { ApiError } from '@opora/sdk';

/** Problems sorted for display: next to their field, or in the summary when they belong to no field shown. */
export interface FieldProblems {
  byField: Record<string, string[]>;
  general: string[];
}

export const noProblems: FieldProblems = { byField: {}, general: [] };

export const hasProblems = (p: FieldProblems): boolean =>
  p.general.length > 0 || Object.keys(p.byField).length > 0;

/** Sorts `/field[/…]` pointers (a table row's `/items/2/qty` belongs to `items`) onto the fields on screen. */
export function sortProblems(
  problems: readonly { pointer: string; message: string }[],
  fieldsShown: ReadonlySet<string>,
): FieldProblems {
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const { pointer, message } of problems) {
    const key = pointer.split('/')[1] ?? '';
    if (key && fieldsShown.has(key)) {
      const list = byField[key] ?? [];
      if (!list.includes(message)) list.push(message);
      byField[key] = list;
    } else if (!general.includes(message)) general.push(message);
  }
  return { byField, general };
}

/** The browser's own check (pointers `/field`) before anything is sent. */
export const precheckProblems = (problems: Problem[], fieldsShown: ReadonlySet<string>): FieldProblems =>
  sortProblems(problems, fieldsShown);

/**
 * What the server refused: details pointing at `/data/<field>` go next to the field; anything else (and an error
 * without details) goes to the summary in the server's words.
 */
export function serverProblems(
  error: unknown,
  fieldsShown: ReadonlySet<string>,
  fallback: string,
): FieldProblems {
  if (!(error instanceof ApiError)) return { byField: {}, general: [fallback] };
  const onData = error.details
    .filter((d) => d.pointer === '/data' || d.pointer.startsWith('/data/'))
    .map((d) => ({ pointer: d.pointer.slice('/data'.length), message: d.message }));
  const sorted = sortProblems(onData, fieldsShown);
  const other = error.details.filter((d) => !(d.pointer === '/data' || d.pointer.startsWith('/data/')));
  const general = [...sorted.general, ...other.map((d) => d.message)];
  if (!general.length && !Object.keys(sorted.byField).length) general.push(error.message || fallback);
  return { byField: sorted.byField, general };
}

/** Once someone edits a field, its old messages no longer describe what they see. */
export function withoutField(problems: FieldProblems, key: string): FieldProblems {
  if (!problems.byField[key]) return problems;
  const { [key]: _gone, ...rest } = problems.byField;
  return { byField: rest, general: problems.general };
}
