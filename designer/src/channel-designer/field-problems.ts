import type { EditorProblem } from '../state/use-definition-draft';

/** The first problem at a pointer or inside it (`/settings/smtp` also takes `/settings/smtp/port`). */
export function problemAt(problems: readonly EditorProblem[], pointer: string): string | undefined {
  return problems.find((p) => p.pointer === pointer || p.pointer?.startsWith(`${pointer}/`))?.message;
}

/**
 * A list's own problems (too many entries, say), leaving out those of its entries, which the form explains beside
 * each entry in its own words.
 */
export function listProblem(problems: readonly EditorProblem[], pointer: string): string | undefined {
  return problems.find((p) => p.pointer === pointer)?.message;
}
