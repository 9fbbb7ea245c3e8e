import { isKnownTimeZone } from '../../lines/zoned-time.js';
import { type Locale, type Problem, pick } from '../kinds.js';
import { patternProblem } from '../safe-regexp.js';
import type { LineBody, WorkingHours } from './schema.js';

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const ruDays = ['понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье'];
const enDays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * What the schema cannot express: working hours that make sense (each interval ends after it starts, a day's
 * intervals do not overlap, a zone Intl knows), rules that can work (patterns RE2 compiles, keywords with words in
 * them, channels the line takes, ids that do not repeat), and an out-of-hours reply only with hours to be out of.
 */
export function lineProblems(body: LineBody, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const say = (pointer: string, code: string, ru: string, en: string) =>
    problems.push({ pointer, code, message: pick(locale, ru, en) });
  if (body.hours) hoursProblems(body.hours, say);
  if (body.outOfHours && !body.hours)
    say(
      '/outOfHours',
      'out_of_hours_without_hours',
      'Ответ в нерабочее время задан, а часы работы — нет: линия работает круглосуточно. Задайте часы работы или уберите ответ',
      'An out-of-hours reply is set but no working hours: the line works around the clock. Set the hours or remove the reply',
    );
  if (body.botOnly && !body.bot)
    say(
      '/bot',
      'bot_only_without_bot',
      'Линия только для бота, но бот не выбран: выберите бота, который будет отвечать',
      'The line is bot-only but names no bot: choose the bot that answers',
    );
  const seen = new Set<string>();
  body.rules.forEach((rule, i) => {
    const at = `/rules/${i}`;
    if (seen.has(rule.id))
      say(`${at}/id`, 'duplicate', `Правило «${rule.id}» повторяется`, `Rule "${rule.id}" repeats`);
    seen.add(rule.id);
    if (rule.pattern !== undefined) {
      const why = patternProblem(rule.pattern);
      if (why)
        say(
          `${at}/pattern`,
          'pattern',
          `Шаблон не компилируется (обратные ссылки и просмотр вперёд/назад не поддерживаются): ${why}`,
          `The pattern does not compile (backreferences and lookaround are not supported): ${why}`,
        );
    }
    rule.keywords?.forEach((keyword, k) => {
      if (!/[\p{L}\p{N}]/u.test(keyword))
        say(
          `${at}/keywords/${k}`,
          'keyword',
          `В ключевом слове «${keyword}» нет ни букв, ни цифр: оно ни с чем не совпадёт`,
          `Keyword "${keyword}" has no letters or digits: it never matches`,
        );
    });
    if (body.channels.length)
      rule.channels?.forEach((channel, c) => {
        if (!body.channels.includes(channel))
          say(
            `${at}/channels/${c}`,
            'channel_not_on_line',
            `Канал «${channel}» не подключён к линии: правило по нему никогда не сработает`,
            `Channel "${channel}" is not attached to the line: the rule can never match it`,
          );
      });
  });
  return problems;
}

function hoursProblems(hours: WorkingHours, say: (p: string, c: string, ru: string, en: string) => void) {
  if (!isKnownTimeZone(hours.timeZone))
    say(
      '/hours/timeZone',
      'time_zone',
      `Неизвестный часовой пояс «${hours.timeZone}»: выберите пояс из списка (например, Europe/Moscow)`,
      `Unknown time zone "${hours.timeZone}": pick one from the list (e.g. Europe/Moscow)`,
    );
  hours.week.forEach((interval, i) => {
    if (minutes(interval.to) <= minutes(interval.from))
      say(
        `/hours/week/${i}/to`,
        'interval_order',
        `Интервал ${interval.from}–${interval.to} кончается не позже, чем начинается. Ночную смену задайте двумя интервалами: до 24:00 и с 00:00 следующего дня`,
        `Interval ${interval.from}–${interval.to} does not end after it starts. Write a night shift as two intervals: until 24:00 and from 00:00 the next day`,
      );
  });
  hours.week.forEach((interval, i) => {
    const clash = hours.week.findIndex(
      (other, j) =>
        j < i &&
        other.day === interval.day &&
        minutes(other.from) < minutes(interval.to) &&
        minutes(interval.from) < minutes(other.to),
    );
    if (clash >= 0) {
      const other = hours.week[clash]!;
      say(
        `/hours/week/${i}`,
        'interval_overlap',
        `Интервал ${interval.from}–${interval.to} в ${ruDays[interval.day - 1]} пересекается с интервалом ${other.from}–${other.to}`,
        `Interval ${interval.from}–${interval.to} on ${enDays[interval.day - 1]} overlaps ${other.from}–${other.to}`,
      );
    }
  });
}
