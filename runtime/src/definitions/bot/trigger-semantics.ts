import { maxWaitSeconds, minWaitSeconds } from '../../bots/blocks/wait/schema.js';
import { isKnownTimeZone } from '../../lines/zoned-time.js';
import { patternProblem } from '../safe-regexp.js';
import type { BotBody } from './schema.js';

type Say = (pointer: string, code: string, ru: string, en: string) => void;

/** Triggers that cannot work: repeated ids, a start block that is missing, patterns, keywords, times, zones. */
export function triggerProblems(body: BotBody, index: Map<string, number>, say: Say): void {
  const seen = new Set<string>();
  body.triggers.forEach((trigger, i) => {
    const at = `/triggers/${i}`;
    const name = `«${trigger.id}»`;
    if (seen.has(trigger.id))
      say(`${at}/id`, 'duplicate', `Триггер ${name} повторяется`, `Trigger ${name} repeats`);
    seen.add(trigger.id);
    if (!index.has(trigger.next))
      say(
        `${at}/next`,
        'reference',
        `Триггер ${name} ведёт к несуществующему блоку «${trigger.next}»`,
        `Trigger ${name} leads to a missing block "${trigger.next}"`,
      );
    if (trigger.type === 'keyword') {
      if (!trigger.keywords?.length && trigger.pattern === undefined)
        say(
          at,
          'required',
          `У триггера ${name} нет ни ключевых слов, ни шаблона`,
          `Trigger ${name} has no keywords or pattern`,
        );
      const why = trigger.pattern === undefined ? null : patternProblem(trigger.pattern);
      if (why)
        say(
          `${at}/pattern`,
          'pattern',
          `Шаблон триггера ${name} не компилируется (обратные ссылки и просмотр вперёд/назад не поддерживаются): ${why}`,
          `The pattern of trigger ${name} does not compile (backreferences and lookaround are not supported): ${why}`,
        );
      trigger.keywords?.forEach((keyword, k) => {
        if (!/[\p{L}\p{N}]/u.test(keyword))
          say(
            `${at}/keywords/${k}`,
            'keyword',
            `В ключевом слове «${keyword}» нет ни букв, ни цифр: оно ни с чем не совпадёт`,
            `Keyword "${keyword}" has no letters or digits: it never matches`,
          );
      });
    }
    if (trigger.type === 'noReply' && (trigger.seconds < minWaitSeconds || trigger.seconds > maxWaitSeconds))
      say(
        `${at}/seconds`,
        'wait_bounds',
        `Триггер ${name}: ожидание ответа ${trigger.seconds} с, а можно от 1 секунды до 30 дней`,
        `Trigger ${name}: a no-reply time of ${trigger.seconds} s; it must be from 1 second to 30 days`,
      );
    if (trigger.type === 'schedule' && trigger.timeZone && !isKnownTimeZone(trigger.timeZone))
      say(
        `${at}/timeZone`,
        'time_zone',
        `Неизвестный часовой пояс «${trigger.timeZone}»`,
        `Unknown time zone "${trigger.timeZone}"`,
      );
    if (trigger.type === 'event' && trigger.source === 'recordStatus' && !trigger.entity)
      say(at, 'required', `У триггера ${name} не выбран тип записи`, `Trigger ${name} has no record type`);
  });
}
