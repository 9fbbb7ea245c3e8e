import { type Locale, type Problem, pick } from '../kinds.js';
import type { PageBody } from './schema.js';

/** Row, column and widget ids are unique across the page, so the designer can address each one. */
export function pageProblems(body: PageBody, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const check = (id: string, pointer: string) => {
    if (seen.has(id))
      problems.push({
        pointer,
        code: 'duplicate',
        message: pick(locale, `Идентификатор «${id}» повторяется`, `Id "${id}" repeats`),
      });
    seen.add(id);
  };
  body.rows.forEach((row, r) => {
    check(row.id, `/rows/${r}/id`);
    row.columns.forEach((column, c) => {
      check(column.id, `/rows/${r}/columns/${c}/id`);
      column.widgets.forEach((widget, w) => {
        check(widget.id, `/rows/${r}/columns/${c}/widgets/${w}/id`);
      });
    });
  });
  return problems;
}
