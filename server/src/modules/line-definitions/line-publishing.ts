import type { LineBody } from '@opora/runtime/definitions';
import type { Database } from '../../db/database.js';
import type { PublishExtension } from '../definitions/definition-service.js';
import { publishedOfKind } from '../definitions/published-of-kind.js';

/**
 * A line is published only as the one default line: dialogs no rule takes must have exactly one place to go.
 * (The channels a line names are checked as ordinary references.)
 */
export function linePublishing(db: Database): PublishExtension {
  return {
    async check(body, locale, tx, target) {
      if (!(body as LineBody).isDefault) return [];
      const other = (await publishedOfKind(db, 'line', tx)).find(
        (line) => line.key !== target.key && (line.body as Partial<LineBody>).isDefault === true,
      );
      if (!other) return [];
      const title = (other.body as Partial<LineBody>).title;
      const ru = title?.ru ?? other.key;
      const en = title?.en || ru;
      return [
        {
          pointer: '/isDefault',
          code: 'default_line',
          message:
            locale === 'en'
              ? `There already is a default line: "${en}" (${other.key}). Dialogs no rule takes go to one line — clear the mark here or on that line`
              : `Линия по умолчанию уже есть: «${ru}» (${other.key}). Диалоги, которые не подошли ни одному правилу, идут в одну линию — снимите отметку здесь или у той линии`,
        },
      ];
    },
  };
}
