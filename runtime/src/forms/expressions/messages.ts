import type { ExpressionError } from './ast.js';

type Locale = 'ru' | 'en';

/** An expression problem as the analyst reads it, with the column (1-based) where it is. */
export function expressionMessage(error: ExpressionError, locale: Locale): string {
  const [a = '', b = ''] = error.detail;
  const found = (token: string) =>
    token === '' ? (locale === 'ru' ? 'конец выражения' : 'end of expression') : `«${token}»`;
  const ru: Record<ExpressionError['code'], string> = {
    too_long: `выражение длиннее ${a} символов`,
    too_deep: 'слишком глубокая вложенность',
    unexpected_char: `недопустимый символ «${a}»`,
    unterminated_string: 'строка не закрыта кавычкой',
    incomplete: 'выражение не закончено',
    unexpected: `неожиданно ${found(a)}`,
    expected: `ожидалось «${a}», а найдено ${found(b)}`,
    name_after_dot: 'после точки ожидается имя поля',
    unknown_field: `нет поля «${a}»`,
    unknown_function: `нет функции «${a}»`,
    arity: `функция «${a}» принимает аргументов: ${b}`,
  };
  const en: Record<ExpressionError['code'], string> = {
    too_long: `expression is longer than ${a} characters`,
    too_deep: 'expression is nested too deeply',
    unexpected_char: `character "${a}" is not allowed`,
    unterminated_string: 'a text is missing its closing quote',
    incomplete: 'expression is incomplete',
    unexpected: `unexpected ${found(a)}`,
    expected: `"${a}" expected, found ${found(b)}`,
    name_after_dot: 'a field name is expected after "."',
    unknown_field: `there is no field "${a}"`,
    unknown_function: `there is no function "${a}"`,
    arity: `function "${a}" takes ${b} argument(s)`,
  };
  const column = error.at + 1;
  return locale === 'ru' ? `столбец ${column}: ${ru[error.code]}` : `column ${column}: ${en[error.code]}`;
}
