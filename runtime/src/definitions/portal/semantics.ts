import { type Locale, type Problem, pick } from '../kinds.js';
import type { PortalBody } from './schema.js';

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
