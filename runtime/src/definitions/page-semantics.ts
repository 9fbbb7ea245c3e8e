import { type Locale, type Problem, pick } from './kinds.js';
import type { PageBody } from './page-schema.js';
import type { PortalBody } from './portal-schema.js';

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

/** Menu item ids are unique. */
export function portalProblems(body: PortalBody, locale: Locale): Problem[] {
  const seen = new Set<string>();
  return body.menu.flatMap((item, i): Problem[] => {
    const repeated = seen.has(item.id);
    seen.add(item.id);
    return repeated
      ? [
          {
            pointer: `/menu/${i}/id`,
            code: 'duplicate',
            message: pick(locale, `Пункт меню «${item.id}» повторяется`, `Menu item "${item.id}" repeats`),
          },
        ]
      : [];
  });
}
