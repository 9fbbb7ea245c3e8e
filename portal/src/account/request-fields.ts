import type { EntityBody, EntityField } from '@opora/runtime/definitions';
import { type FormatContext, formatValue } from '../records/format-value';

/** Shown in the heading instead (title, status) or meaningless to a client without the names (links, people). */
const skipped = new Set<EntityField['type']>(['relation', 'user']);

/** The request's fields a client reads, labelled from the data type, in its order; empty values left out. */
export function requestFields(
  entity: EntityBody | null,
  data: Record<string, unknown>,
  hide: readonly string[],
  ctx: FormatContext,
): { key: string; label: EntityField['label']; text: string; long: boolean }[] {
  return (entity?.fields ?? []).flatMap((field) => {
    if (skipped.has(field.type) || hide.includes(field.key)) return [];
    const text = formatValue(field, data[field.key], ctx);
    if (!text) return [];
    return [
      { key: field.key, label: field.label, text, long: field.type === 'text' || field.type === 'richtext' },
    ];
  });
}
