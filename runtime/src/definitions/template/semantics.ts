import { templateTextProblems } from '../../templates/template-problems.js';
import type { Locale, Problem } from '../kinds.js';
import type { TemplateBody } from './schema.js';

/** Both languages' texts must name only known variables with balanced braces. */
export function templateProblems(body: TemplateBody, locale: Locale): Problem[] {
  return [
    ...templateTextProblems(body.text.ru, '/text/ru', locale),
    ...(body.text.en ? templateTextProblems(body.text.en, '/text/en', locale) : []),
  ];
}
