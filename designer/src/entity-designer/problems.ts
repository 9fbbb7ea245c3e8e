import type { EditorProblem } from '../state/use-definition-draft';

/** Messages of the problems exactly at a pointer (local and server ones, without repeats). */
export function messagesAt(problems: readonly EditorProblem[], pointer: string): string[] {
  return [...new Set(problems.filter((p) => p.pointer === pointer).map((p) => p.message))];
}

/** Problems at a pointer or anywhere under it. */
export const problemsUnder = (problems: readonly EditorProblem[], pointer: string): EditorProblem[] =>
  problems.filter((p) => p.pointer === pointer || p.pointer?.startsWith(`${pointer}/`));

/** Properties of a field the properties panel shows problems beside; the rest are listed at its top. */
const placed = new Set([
  'key',
  'type',
  'label',
  'help',
  'required',
  'unique',
  'readOnly',
  'default',
  'pattern',
  'min',
  'max',
  'minLength',
  'maxLength',
  'integer',
  'currency',
  'options',
  'transitions',
  'entity',
  'many',
  'multiple',
  'maxSizeMb',
  'accept',
  'columns',
]);

/** A field's problems no input of the panel shows: the field as a whole, or what only the JSON tab edits. */
export function unplacedMessages(problems: readonly EditorProblem[], fieldPointer: string): string[] {
  return [
    ...new Set(
      problemsUnder(problems, fieldPointer)
        .filter((p) => !placed.has(p.pointer!.slice(fieldPointer.length + 1).split('/')[0] ?? ''))
        .map((p) => p.message),
    ),
  ];
}
