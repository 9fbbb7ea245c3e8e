import type { Locale } from '@opora/runtime/definitions';

/** esbuild's commonest complaints in Russian; `{0}` is what it quotes from the author's code. */
const russian: [pattern: RegExp, text: string][] = [
  [/^Expected "([\s\S]*)" but found "([\s\S]*)"$/, 'Ожидается «{0}», а найдено «{1}»'],
  [/^Expected "([\s\S]*)" but found end of file$/, 'Ожидается «{0}», а код закончился'],
  [/^Expected identifier but found "([\s\S]*)"$/, 'Ожидается имя, а найдено «{0}»'],
  [/^Unexpected "([\s\S]*)"$/, 'Неожиданное «{0}»'],
  [/^Unexpected end of file$/, 'Код неожиданно закончился'],
  [/^Unterminated string literal$/, 'Строка не закрыта кавычкой'],
  [/^Unterminated template literal$/, 'Шаблонная строка не закрыта'],
];

/**
 * A syntax error from the compiler as the author reads it: «Синтаксическая ошибка: Ожидается «;», а найдено
 * «x»» in Russian (esbuild's own words after the lead-in when there is no translation), «Syntax error: …» in
 * English.
 */
export function syntaxErrorText(message: string, locale: Locale): string {
  if (locale === 'en') return `Syntax error: ${message}`;
  for (const [pattern, text] of russian) {
    const match = pattern.exec(message);
    if (match)
      return `Синтаксическая ошибка: ${text.replace(/\{(\d)\}/g, (_whole, i: string) => match[Number(i) + 1] ?? '')}`;
  }
  return `Синтаксическая ошибка: ${message}`;
}
