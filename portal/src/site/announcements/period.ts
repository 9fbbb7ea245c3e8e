/** When an announcement ends (or starts, if still ahead), as words: «до 18:00 2 декабря», «до 18:00 сегодня». */
export type PeriodText =
  | { key: 'until' | 'from'; time: string; date: string }
  | { key: 'untilToday'; time: string; date?: undefined }
  | null;

export function announcementPeriod(
  announcement: { startsAt: string; endsAt: string | null },
  now: Date,
  locale: string,
  timeZone?: string,
): PeriodText {
  const starts = new Date(announcement.startsAt);
  const ends = announcement.endsAt ? new Date(announcement.endsAt) : null;
  const at = starts.getTime() > now.getTime() ? starts : ends;
  if (!at || Number.isNaN(at.getTime())) return null;
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const key = at === starts ? 'from' : 'until';
  if (key === 'until' && dayOf(at, timeZone) === dayOf(now, timeZone)) return { key: 'untilToday', time };
  const otherYear = yearOf(at, timeZone) !== yearOf(now, timeZone);
  const date = at.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    ...(otherYear ? { year: 'numeric' } : {}),
    timeZone,
  });
  return { key, time, date };
}

const dayOf = (d: Date, timeZone?: string) => d.toLocaleDateString('en-CA', { timeZone });
const yearOf = (d: Date, timeZone?: string) => d.toLocaleDateString('en-CA', { year: 'numeric', timeZone });
