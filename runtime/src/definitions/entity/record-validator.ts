import type { ErrorObject } from 'ajv';
import { compile, toProblems } from '../ajv.js';
import { type Locale, type Problem, pick } from '../kinds.js';
import { entityRecordSchema } from './record-schema.js';
import type { EntityBody } from './schema.js';

export type RecordValidator = (data: unknown, options?: { partial?: boolean }) => Problem[];

/**
 * Compiles a validator of record data (callers cache it per entity version). Problems point at the field
 * (`/subject`) and name it by its label, so a form can show each message next to its input.
 */
export function compileRecordValidator(entity: EntityBody, locale: Locale = 'ru'): RecordValidator {
  const full = compile(entityRecordSchema(entity));
  const partial = compile(entityRecordSchema(entity, { partial: true }));
  const labels = new Map(entity.fields.map((f) => [f.key, f.label[locale] ?? f.label.ru]));
  return (data, options = {}) => {
    const validate = options.partial ? partial : full;
    if (validate(data)) return [];
    return humanize(validate.errors ?? [], data, labels, locale);
  };
}

function humanize(
  errors: ErrorObject[],
  data: unknown,
  labels: Map<string, string>,
  locale: Locale,
): Problem[] {
  return toProblems(errors, locale).map((problem) => {
    const key = problem.pointer.split('/')[1] ?? '';
    const label = labels.get(key);
    if (!label)
      return problem.code === 'additionalProperties'
        ? { ...problem, message: pick(locale, `Неизвестное поле «${key}»`, `Unknown field "${key}"`) }
        : problem;
    const value = (data as Record<string, unknown> | null)?.[key];
    if (problem.code === 'required' || (problem.code === 'minLength' && value === ''))
      return {
        ...problem,
        code: 'required',
        message: pick(locale, `Заполните поле «${label}»`, `"${label}" is required`),
      };
    return { ...problem, message: `«${label}»: ${problem.message}` };
  });
}
