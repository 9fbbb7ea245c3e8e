import type { Announcement } from '@opora/sdk';

export type AnnouncementPhase = 'current' | 'planned' | 'past';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as `<input type="datetime-local">` wants it: the user's local time, to the minute. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a datetime-local value means in the user's time zone, as ISO; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as number[];
  const date = new Date(y!, mo! - 1, d!, h!, mi!, s!);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Shown on the portal now, still to come, or over. */
export function announcementPhase(
  a: Pick<Announcement, 'startsAt' | 'endsAt'>,
  now: Date,
): AnnouncementPhase {
  if (new Date(a.startsAt) > now) return 'planned';
  if (a.endsAt && new Date(a.endsAt) <= now) return 'past';
  return 'current';
}

export type PeriodProblem = 'startsRequired' | 'startsInvalid' | 'endsInvalid' | 'endsBeforeStarts';

/** What is wrong with the start and end a user typed (local datetime values), keyed by the field. */
export function periodProblems(
  starts: string,
  ends: string,
): { startsAt?: PeriodProblem; endsAt?: PeriodProblem } {
  const problems: { startsAt?: PeriodProblem; endsAt?: PeriodProblem } = {};
  const from = fromLocalInput(starts);
  if (!starts) problems.startsAt = 'startsRequired';
  else if (!from) problems.startsAt = 'startsInvalid';
  if (ends) {
    const to = fromLocalInput(ends);
    if (!to) problems.endsAt = 'endsInvalid';
    else if (from && to < from) problems.endsAt = 'endsBeforeStarts';
  }
  return problems;
}
