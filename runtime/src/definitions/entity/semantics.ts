import { type Locale, type Problem, pick } from '../kinds.js';
import { patternProblem } from '../safe-regexp.js';
import { entityAccessProblems } from './access-problems.js';
import { indexable, indexableTextLength } from './indexable.js';
import { migrationRuleProblems } from './migration-rule-problems.js';
import { compileRecordValidator } from './record-validator.js';
import type { EntityBody, EntityField } from './schema.js';

/** What the schema cannot say about a data type: unique keys, consistent limits, defaults that fit. */
export function entityProblems(body: EntityBody, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  body.fields.forEach((field, i) => {
    const at = `/fields/${i}`;
    if (seen.has(field.key))
      problems.push({
        pointer: `${at}/key`,
        code: 'duplicate',
        message: pick(locale, `Поле «${field.key}» уже есть`, `Field "${field.key}" is defined twice`),
      });
    seen.add(field.key);
    problems.push(...fieldProblems(field, at, locale));
  });
  if (body.titleField && !seen.has(body.titleField))
    problems.push({
      pointer: '/titleField',
      code: 'reference',
      message: pick(locale, `Нет поля «${body.titleField}»`, `No field "${body.titleField}"`),
    });
  problems.push(...entityAccessProblems(body.access, locale));
  if (!problems.length) problems.push(...defaultProblems(body, locale));
  if (!problems.length) problems.push(...migrationRuleProblems(body, locale));
  return problems;
}

function fieldProblems(field: EntityField, at: string, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const f = field as { min?: number; max?: number; minLength?: number; maxLength?: number; pattern?: string };
  if (f.min !== undefined && f.max !== undefined && f.min > f.max)
    problems.push({
      pointer: `${at}/min`,
      code: 'range',
      message: pick(locale, 'Минимум больше максимума', 'Minimum is greater than maximum'),
    });
  if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength)
    problems.push({
      pointer: `${at}/minLength`,
      code: 'range',
      message: pick(locale, 'Минимальная длина больше максимальной', 'minLength is greater than maxLength'),
    });
  if (field.indexed && !indexable(field))
    problems.push({
      pointer: `${at}/indexed`,
      code: 'indexed',
      message: pick(
        locale,
        `Поле «${field.key}» нельзя ускорить индексом: подходят числа, даты, списки, ссылки на одну запись и строки до ${indexableTextLength} символов`,
        `Field "${field.key}" cannot be indexed: numbers, dates, options, single links and strings of up to ${indexableTextLength} characters can`,
      ),
    });
  const badPattern = f.pattern === undefined ? null : patternProblem(f.pattern);
  if (badPattern)
    problems.push({
      pointer: `${at}/pattern`,
      code: 'pattern',
      message: pick(
        locale,
        `Шаблон поля «${field.key}» не компилируется (обратные ссылки и просмотр вперёд/назад не поддерживаются): ${badPattern}`,
        `The pattern of field "${field.key}" does not compile (backreferences and lookaround are not supported): ${badPattern}`,
      ),
    });
  if (field.type === 'enum') problems.push(...enumProblems(field, at, locale));
  if (field.type === 'table') {
    const keys = new Set<string>();
    field.columns.forEach((column, c) => {
      if (keys.has(column.key))
        problems.push({
          pointer: `${at}/columns/${c}/key`,
          code: 'duplicate',
          message: pick(
            locale,
            `Колонка «${column.key}» уже есть`,
            `Column "${column.key}" is defined twice`,
          ),
        });
      keys.add(column.key);
      problems.push(...fieldProblems(column, `${at}/columns/${c}`, locale));
    });
  }
  return problems;
}

function enumProblems(field: Extract<EntityField, { type: 'enum' }>, at: string, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const values = new Set<string>();
  field.options.forEach((option, o) => {
    if (values.has(option.value))
      problems.push({
        pointer: `${at}/options/${o}/value`,
        code: 'duplicate',
        message: pick(locale, `Значение «${option.value}» повторяется`, `Value "${option.value}" repeats`),
      });
    values.add(option.value);
  });
  for (const [from, targets] of Object.entries(field.transitions ?? {})) {
    if (!values.has(from))
      problems.push({
        pointer: `${at}/transitions/${from}`,
        code: 'reference',
        message: pick(locale, `Нет значения «${from}»`, `No value "${from}"`),
      });
    targets.forEach((to, t) => {
      if (!values.has(to))
        problems.push({
          pointer: `${at}/transitions/${from}/${t}`,
          code: 'reference',
          message: pick(locale, `Нет значения «${to}»`, `No value "${to}"`),
        });
    });
  }
  return problems;
}

/** A default must itself be a valid value of its field. */
function defaultProblems(body: EntityBody, locale: Locale): Problem[] {
  const validate = compileRecordValidator(body, locale);
  const defaults = Object.fromEntries(
    body.fields.filter((f) => f.default !== undefined).map((f) => [f.key, f.default]),
  );
  return validate(defaults, { partial: true }).map((problem) => {
    const index = body.fields.findIndex(
      (f) => `/${f.key}` === problem.pointer.split('/').slice(0, 2).join('/'),
    );
    return { ...problem, pointer: `/fields/${index}/default` };
  });
}
