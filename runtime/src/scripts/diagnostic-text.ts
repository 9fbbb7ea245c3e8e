import type { Locale } from '../definitions/kinds.js';

/**
 * TypeScript speaks English only. The diagnostics authors meet most often are said in Russian here, their
 * quoted names carried over; any other keeps TypeScript's text after a Russian lead-in with its code, as IDEs
 * show diagnostics of a language they have no translation for. The designer's live check and the server's
 * publish check both word their problems with this, so the two read alike.
 */
const russian: Record<number, [english: string, russian: string]> = {
  1003: ['Identifier expected.', 'Ожидается имя.'],
  1005: ["'{0}' expected.", 'Ожидается «{0}».'],
  1109: ['Expression expected.', 'Ожидается выражение.'],
  1128: ['Declaration or statement expected.', 'Ожидается объявление или инструкция.'],
  2304: ["Cannot find name '{0}'.", 'Имя «{0}» не найдено.'],
  2307: [
    "Cannot find module '{0}' or its corresponding type declarations.",
    'Модуль «{0}» не найден: скрипт не может ничего импортировать.',
  ],
  2322: ["Type '{0}' is not assignable to type '{1}'.", 'Тип «{0}» нельзя присвоить типу «{1}».'],
  2339: ["Property '{0}' does not exist on type '{1}'.", 'Свойства «{0}» нет в типе «{1}».'],
  2345: [
    "Argument of type '{0}' is not assignable to parameter of type '{1}'.",
    'Аргумент типа «{0}» нельзя передать в параметр типа «{1}».',
  ],
  2451: ["Cannot redeclare block-scoped variable '{0}'.", 'Переменная «{0}» уже объявлена в этом блоке.'],
  2531: ["Object is possibly 'null'.", 'Объект может быть равен null.'],
  2532: ["Object is possibly 'undefined'.", 'Объект может быть равен undefined.'],
  2551: [
    "Property '{0}' does not exist on type '{1}'. Did you mean '{2}'?",
    'Свойства «{0}» нет в типе «{1}». Возможно, имелось в виду «{2}»?',
  ],
  2552: [
    "Cannot find name '{0}'. Did you mean '{1}'?",
    'Имя «{0}» не найдено. Возможно, имелось в виду «{1}»?',
  ],
  2554: ['Expected {0} arguments, but got {1}.', 'Ожидается аргументов: {0}, передано: {1}.'],
  2588: [
    "Cannot assign to '{0}' because it is a constant.",
    'Нельзя присвоить значение «{0}»: это константа.',
  ],
  2741: [
    "Property '{0}' is missing in type '{1}' but required in type '{2}'.",
    'В типе «{1}» нет свойства «{0}», обязательного в типе «{2}».',
  ],
  2769: ['No overload matches this call.', 'Ни один вариант вызова не подходит к этим аргументам.'],
  18047: ["'{0}' is possibly 'null'.", '«{0}» может быть равно null.'],
  18048: ["'{0}' is possibly 'undefined'.", '«{0}» может быть равно undefined.'],
};

const patterns = new Map<number, RegExp>();

/** The English template as a pattern over TypeScript's text: `{n}` matches the quoted part, nothing else is special. */
function patternFor(code: number, english: string): RegExp {
  let pattern = patterns.get(code);
  if (!pattern) {
    const parts = english.split(/\{\d\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`^${parts.join('([\\s\\S]+?)')}$`);
    patterns.set(code, pattern);
  }
  return pattern;
}

/** TypeScript's first line in Russian when it is one of the common diagnostics, else null. */
function translated(code: number, line: string): string | null {
  const entry = russian[code];
  if (!entry) return null;
  const match = patternFor(code, entry[0]).exec(line);
  if (!match) return null;
  return entry[1].replace(/\{(\d)\}/g, (_whole, index: string) => match[Number(index) + 1] ?? '');
}

/**
 * A TypeScript diagnostic for the author: «Ошибка TS2322: Тип «string» нельзя присвоить типу «number».» in
 * Russian (TypeScript's own words after the lead-in when there is no translation; the lines TypeScript adds
 * below its first one stay as they are), «error TS2322: …» in English.
 */
export function typeDiagnosticText(code: number | string, message: string, locale: Locale): string {
  const number = Number(code);
  const label = Number.isInteger(number) && number > 0 ? `TS${number}` : '';
  if (locale === 'en') return label ? `error ${label}: ${message}` : message;
  const lineBreak = message.indexOf('\n');
  const first = lineBreak < 0 ? message : message.slice(0, lineBreak);
  const rest = lineBreak < 0 ? '' : message.slice(lineBreak);
  const text = (Number.isInteger(number) && translated(number, first)) || first;
  return `${label ? `Ошибка ${label}` : 'Ошибка'}: ${text}${rest}`;
}
