import { type Locale, type Problem, pick } from '../kinds.js';
import { type FormBody, walkLayout } from './schema.js';

/** Element ids are unique across the form and a field is placed at most once. */
export function formProblems(body: FormBody, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const fields = new Set<string>();
  const containerIds = (element: FormBody['layout'][number]): { id: string; at: string }[] => {
    if (element.type === 'columns')
      return element.columns.map((c, i) => ({ id: c.id, at: `/columns/${i}/id` }));
    if (element.type === 'tabs') return element.tabs.map((t, i) => ({ id: t.id, at: `/tabs/${i}/id` }));
    return [];
  };
  for (const { element, pointer } of walkLayout(body.layout)) {
    for (const { id, at } of [{ id: element.id, at: '/id' }, ...containerIds(element)]) {
      if (ids.has(id))
        problems.push({
          pointer: `${pointer}${at}`,
          code: 'duplicate',
          message: pick(locale, `Идентификатор «${id}» повторяется`, `Id "${id}" repeats`),
        });
      ids.add(id);
    }
    if (element.type === 'field') {
      if (fields.has(element.field))
        problems.push({
          pointer: `${pointer}/field`,
          code: 'duplicate',
          message: pick(
            locale,
            `Поле «${element.field}» уже есть на форме`,
            `Field "${element.field}" is already on the form`,
          ),
        });
      fields.add(element.field);
    }
  }
  return problems;
}
