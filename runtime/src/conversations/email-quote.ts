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
  let kept = header >= 0 ? lines.slice(0, header) : lines;
  // A trailing block of `>` lines (with blank lines among them) is the quote of a client that writes on top.
  let end = kept.length;
  while (end > 0 && (kept[end - 1]?.trim() === '' || kept[end - 1]?.trimStart().startsWith('>'))) end -= 1;
  if (kept.slice(end).some((line) => line.trimStart().startsWith('>'))) kept = kept.slice(0, end);
  const answer = kept.join('\n').trim();
  // A reply that is only a quote (the client pressed "send" by mistake) keeps its text rather than showing nothing.
  return answer || text.trim();
}
