/**
 * The new part of an e-mail reply: mail programs append the whole earlier thread, quoted, below (or above) the
 * answer, and a conversation must not show every earlier message again in each reply.
 *
 * Cuts at the first sign of the quote: the marker Opora puts into every e-mail it sends ({@link replyAboveMarker}),
 * a reply header ("On … wrote:", «… пишет:», Outlook's "-----Original Message-----" / «Исходное сообщение»), or
 * the first block of `>`-quoted lines at the end. Works line by line (linear in the text's length; each pattern
 * is anchored and applied to one line of bounded length).
 *
 * @module
 */

/** Put into every outbound e-mail above the quoted history, in both languages. */
export const replyAboveMarker = '— Напишите ответ выше этой строки / Reply above this line —';

const longestHeaderLine = 300;
const replyHeaders: readonly RegExp[] = [
  /^-{2,}\s*(original message|исходное сообщение)\s*-{2,}$/i,
  /^(on|am|le)\s.*(wrote|schrieb|a écrit)\s*:$/i,
  /^.*(пишет|написал|написала)\s*:$/i,
  // Gmail in Russian: «ср, 2 дек. 2026 г. в 21:00, Опора <help@example.ru>:»
  /^.*\d{4}\s*г\..*<[^<>\s]+@[^<>\s]+>\s*:$/,
  /^(from|от):\s.+$/i,
];

const isReplyHeader = (line: string) => {
  const trimmed = line.trim();
  if (trimmed.includes(replyAboveMarker)) return true;
  return trimmed.length <= longestHeaderLine && replyHeaders.some((pattern) => pattern.test(trimmed));
};

/** The reply without the quoted thread below it; the whole text when nothing looks like a quote. */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const header = lines.findIndex(isReplyHeader);
  const answer = aboveQuote(lines, header);
  // A reply written below the quote (bottom-posting: «On … wrote:», the `>` lines, then «2») is what follows it.
  const below = answer || header < 0 ? '' : writtenBelow(lines.slice(header + 1));
  // A reply that is only a quote (the client pressed "send" by mistake) keeps its text rather than showing nothing.
  return answer || below || text.trim();
}

/** The lines above the reply header (all when there is none), less a trailing block of `>`-quoted lines. */
function aboveQuote(lines: readonly string[], header: number): string {
  let kept = header >= 0 ? lines.slice(0, header) : lines;
  // A trailing block of `>` lines (with blank lines among them) is the quote of a client that writes on top.
  let end = kept.length;
  while (end > 0 && isQuoteOrBlank(kept[end - 1]!)) end -= 1;
  if (kept.slice(end).some(isQuoted)) kept = kept.slice(0, end);
  return kept.join('\n').trim();
}

const isQuoted = (line: string) => line.trimStart().startsWith('>');
const isQuoteOrBlank = (line: string) => line.trim() === '' || isQuoted(line);

/** What a client wrote under a quote: the lines after the `>` block that follows the reply header, up to the next. */
function writtenBelow(afterHeader: readonly string[]): string {
  let start = 0;
  while (start < afterHeader.length && isQuoteOrBlank(afterHeader[start]!)) start += 1;
  if (!afterHeader.slice(0, start).some(isQuoted)) return '';
  const rest = afterHeader.slice(start);
  return aboveQuote(rest, rest.findIndex(isReplyHeader));
}
