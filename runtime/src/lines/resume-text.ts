import type { Locale } from '../definitions/kinds.js';
import type { LineBody } from '../definitions/line/schema.js';
import { lineOpenAt } from './hours.js';
import { addDays, isKnownTimeZone, isoDate, wallClock } from './zoned-time.js';

const ruWeekdays = ['понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье'];
const enWeekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
// biome-ignore format: word lists read best packed
const ruMonths = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября',
  'декабря',
];
// biome-ignore format: word lists read best packed
const enMonths = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December',
];

/** Russia's zones, which Russians name by their difference from Moscow («МСК+7»). */
// biome-ignore format: word lists read best packed
const russianZones = new Set([
  'Europe/Kaliningrad', 'Europe/Moscow', 'Europe/Simferopol', 'Europe/Kirov', 'Europe/Volgograd',
  'Europe/Samara', 'Europe/Ulyanovsk', 'Europe/Saratov', 'Europe/Astrakhan', 'Asia/Yekaterinburg', 'Asia/Omsk',
  'Asia/Novosibirsk', 'Asia/Barnaul', 'Asia/Tomsk', 'Asia/Novokuznetsk', 'Asia/Krasnoyarsk', 'Asia/Irkutsk',
  'Asia/Chita', 'Asia/Yakutsk', 'Asia/Khandyga', 'Asia/Vladivostok', 'Asia/Ust-Nera', 'Asia/Magadan',
  'Asia/Sakhalin', 'Asia/Srednekolymsk', 'Asia/Kamchatka', 'Asia/Anadyr',
]);

/** Minutes the zone's clock is ahead of UTC at `at`. */
function offsetMinutes(timeZone: string, at: Date): number {
  const clock = wallClock(timeZone, at);
  const wall = Date.UTC(clock.year, clock.month - 1, clock.day) + clock.second * 1000;
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The zone as people there name it: «МСК», «МСК+7» for Russia's zones in Russian, else Intl's short name. */
export function zoneLabel(timeZone: string, at: Date, locale: Locale): string {
  if (russianZones.has(timeZone)) {
    const hours = (offsetMinutes(timeZone, at) - offsetMinutes('Europe/Moscow', at)) / 60;
    const base = locale === 'en' ? 'MSK' : 'МСК';
    return hours === 0 ? base : `${base}${hours > 0 ? '+' : '−'}${Math.abs(hours)}`;
  }
  const name = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'ru-RU', {
    timeZone,
    timeZoneName: 'short',
  })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? timeZone;
}

/**
 * When work resumes, as a phrase for a reply, on the line's clock: «сегодня в 14:00 (МСК)», «завтра в 9:00 (МСК)»,
 * «в понедельник в 9:00 (МСК+7)», «15 января в 9:00 (МСК)» (more than six days ahead); English alike.
 */
export function resumePhrase(resumesAt: Date, timeZone: string, now: Date, locale: Locale): string {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const when = wallClock(zone, resumesAt);
  const today = wallClock(zone, now);
  const minutes = Math.floor(when.second / 60);
  const time = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  const label = zoneLabel(zone, resumesAt, locale);
  const daysAhead = [0, 1, 2, 3, 4, 5, 6].find((d) => isoDate(addDays(today, d)) === isoDate(when));
  const en = locale === 'en';
  const day =
    daysAhead === 0
      ? en
        ? 'today'
        : 'сегодня'
      : daysAhead === 1
        ? en
          ? 'tomorrow'
          : 'завтра'
        : daysAhead !== undefined
          ? en
            ? `on ${enWeekdays[when.weekday - 1]}`
            : `${when.weekday === 2 ? 'во' : 'в'} ${ruWeekdays[when.weekday - 1]}`
          : en
            ? `on ${when.day} ${enMonths[when.month - 1]}`
            : `${when.day} ${ruMonths[when.month - 1]}`;
  return en ? `${day} at ${time} (${label})` : `${day} в ${time} (${label})`;
}

/** «Мы вернёмся в понедельник в 9:00 (МСК).» — or null when the line never opens within the search window. */
export function resumeSentence(
  resumesAt: Date | null,
  timeZone: string,
  now: Date,
  locale: Locale,
): string | null {
  if (!resumesAt) return null;
  const phrase = resumePhrase(resumesAt, timeZone, now, locale);
  return locale === 'en' ? `We'll be back ${phrase}.` : `Мы вернёмся ${phrase}.`;
}

/** The place in a line's out-of-hours reply where the resume phrase goes; without it the sentence is appended. */
export const resumePlaceholder = '{resumesAt}';

/**
 * The out-of-hours reply a client gets from a closed line at `now`: the line's own text in the client's language
 * with when work resumes put in (at `{resumesAt}`, else as a sentence at the end); null while the line is open.
 */
export function outOfHoursReply(line: LineBody, now: Date, locale: Locale): string | null {
  if (!line.hours) return null;
  const opening = lineOpenAt(line.hours, now);
  if (opening.open) return null;
  const own = line.outOfHours?.reply;
  // The whole reply speaks one language: the line's Russian text gets the Russian phrase even for an English client.
  const language: Locale = own && !(locale === 'en' && own.en?.trim()) ? 'ru' : locale;
  const text = (language === 'en' ? own?.en : own?.ru)?.trim();
  const reply =
    text ||
    (language === 'en' ? 'Our operators are not working right now.' : 'Сейчас операторы не работают.');
  if (!opening.resumesAt) return reply.split(resumePlaceholder).join('').trim();
  if (reply.includes(resumePlaceholder))
    return reply
      .split(resumePlaceholder)
      .join(resumePhrase(opening.resumesAt, line.hours.timeZone, now, language));
  return `${reply} ${resumeSentence(opening.resumesAt, line.hours.timeZone, now, language)}`;
}
