/** A `/word` being typed: where it stands in the answer and what follows the slash. */
export interface SlashCommand {
  start: number;
  end: number;
  query: string;
}

const longestShortcut = 32;

/**
 * The `/word` the caret is at the end of, when the slash starts a word (the answer's start or after a space):
 * `/спас` and `Добрый день! /спас` open the template picker, `и/или` and `https://` do not.
 */
export function slashCommandAt(text: string, at: number): SlashCommand | null {
  // The caret the screen last reported may belong to an older, longer text.
  const caret = Math.max(0, Math.min(at, text.length));
  let start = caret;
  while (start > 0 && !isSpace(text[start - 1] as string)) start -= 1;
  if (text[start] !== '/') return null;
  const query = text.slice(start + 1, caret);
  if (query.includes('/') || query.length > longestShortcut) return null;
  return { start, end: caret, query };
}

const isSpace = (char: string) => char.trim() === '';

/** The answer with `insert` in place of [start, end), and the caret right after it. */
export function spliceText(
  text: string,
  start: number,
  end: number,
  insert: string,
): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}
