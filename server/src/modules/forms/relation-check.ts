import type { EntityBody, Locale, Problem } from '@opora/runtime/definitions';
import type { Database } from '../../db/database.js';

const ids = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/**
 * Relation values a form sets that point at no live record (deleted, say, while the form was open). Only new
 * links are checked: a link the record already had is left alone, even if its target has been deleted since.
 */
export async function danglingRelations(
  db: Database,
  entity: EntityBody,
  data: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
  locale: Locale,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const field of entity.fields) {
    if (field.type !== 'relation') continue;
    const before = new Set(ids(existing?.[field.key]));
    const added = ids(data[field.key]).filter((id) => !before.has(id));
    if (!added.length) continue;
    const found = await db.query<{ id: string }>(
      `select id from record where entity = ? and deleted_at is null and id::text = any(string_to_array(?, ','))`,
      [field.entity, added.join(',')],
    );
    if (found.length === new Set(added).size) continue;
    const label = field.label[locale] ?? field.label.ru;
    problems.push({
      pointer: `/${field.key}`,
      code: 'relation',
      message:
        locale === 'en'
          ? `"${label}": the chosen record no longer exists; choose another`
          : `«${label}»: выбранная запись удалена или не найдена — выберите другую`,
    });
  }
  return problems;
}
