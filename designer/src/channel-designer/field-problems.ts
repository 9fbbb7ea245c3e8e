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

/**
 * A field's problem in its own words, from the form's own check of the current body (`local`, always fresh) and the
 * server's last refusal (`server`). An empty required field is flagged only once the server refused it: a freshly
 * chosen channel type is not a page of red. A filled field that breaks the schema gets `bad` (the schema's message
 * names a regular expression). A problem only the server sees (a check of its own) keeps the server's words.
 */
export function fieldProblem(
  local: readonly EditorProblem[],
  server: readonly EditorProblem[],
  pointer: string,
  value: string,
  texts: { empty: string; bad?: string },
): string | undefined {
  const at = (p: EditorProblem) => p.pointer === pointer || p.pointer?.startsWith(`${pointer}/`);
  const mine = local.find(at);
  const refused = server.find(at);
  if (!value.trim()) return mine && refused ? texts.empty : undefined;
  if (mine) return texts.bad ?? mine.message;
  return refused?.message;
}
