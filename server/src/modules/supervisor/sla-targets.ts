import type { PublishedLine } from '@opora/runtime/lines';

/** The lines with SLA targets to breach: published lines people serve (a bot-only line has no queue and no operators). */
export const staffedLines = (lines: readonly PublishedLine[]) => lines.filter((line) => !line.body.botOnly);

/**
 * The lines' SLA targets as one JSON parameter: queries join it as a table (`t`: key, fr, res — seconds or null),
 * so every line's figures come from one grouped statement whatever the number of lines.
 */
export function targetsParam(lines: readonly PublishedLine[]): string {
  return JSON.stringify(
    lines.map((line) => ({
      key: line.key,
      fr: line.body.sla?.firstResponseSeconds ?? null,
      res: line.body.sla?.resolutionSeconds ?? null,
    })),
  );
}

/** `t` as a table, from {@link targetsParam}. */
export const targetsTable = `jsonb_to_recordset(?::jsonb) as t(key text, fr integer, res integer)`;

/**
 * When a dialog's first answer is due: counted from when it joined the operators' queue (time with a bot does not
 * count), or from its opening when it never queued. A closed dialog's queue time is cleared, so it counts from
 * the opening then.
 */
export const firstResponseDue = `(coalesce(c.queued_at, c.opened_at) + t.fr * interval '1 second')`;

/** When a dialog must be resolved: counted from its opening. */
export const resolutionDue = `(c.opened_at + t.res * interval '1 second')`;

/** Missed its first answer by `now` (an open dialog nobody has answered yet, past the target). */
export const firstResponseMissed = (now: string) =>
  `(c.first_response_at is null and ${firstResponseDue} < ${now})`;

/** Not resolved by its target (an open dialog past it). */
export const resolutionMissed = (now: string) => `(${resolutionDue} < ${now})`;
