/** How much of a dialog the suggestions read: the client's last few messages, newest first, this many characters. */
export const suggestionBounds = { messages: 3, chars: 500 } as const;

/**
 * The search text for a dialog's suggestions: the client's latest messages, newest first (what they ask now
 * outweighs how they began: the search keeps the first dozen words), whitespace collapsed, cut to the bound.
 */
export function suggestionQuery(newestFirst: readonly string[]): string {
  const text = newestFirst
    .slice(0, suggestionBounds.messages)
    .map((message) => message.replace(/\s+/g, ' ').trim())
    .filter((message) => message !== '')
    .join(' ');
  return text.length > suggestionBounds.chars ? text.slice(0, suggestionBounds.chars) : text;
}

/** An article's text to paste into an answer: its plain body cut at a word near the limit, else its summary. */
export function pasteText(bodyText: string, summary: string, limit = 1000): string {
  const body = bodyText
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!body) return summary.trim();
  if (body.length <= limit) return body;
  const cut = body.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
