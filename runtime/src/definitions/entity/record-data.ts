import type { EntityBody } from './schema.js';

/** Field defaults filled into a new record's data where the caller gave nothing. */
export function applyDefaults(entity: EntityBody, data: Record<string, unknown>): Record<string, unknown> {
  const result = { ...data };
  for (const field of entity.fields)
    if (result[field.key] === undefined && field.default !== undefined)
      result[field.key] = structuredClone(field.default);
  return result;
}

const textTypes = new Set(['string', 'text', 'richtext', 'email', 'phone', 'url']);

/**
 * The most text a full-text index is fed. PostgreSQL refuses a tsvector past 1 MB, which a megabyte of distinct
 * words exceeds (a save then failed with a 500); 200,000 characters stay under it whatever the words.
 */
export const searchTextLimit = 200_000;

/**
 * The text full-text search indexes: textual values (HTML tags stripped) and the labels of chosen options, the
 * first {@link searchTextLimit} characters of them.
 */
export function searchableText(entity: EntityBody, data: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const field of entity.fields) {
    const value = data[field.key];
    if (typeof value !== 'string' || !value) continue;
    if (field.type === 'richtext') parts.push(stripTags(value));
    else if (textTypes.has(field.type)) parts.push(value);
    else if (field.type === 'enum') {
      const option = field.options.find((o) => o.value === value);
      if (option) parts.push(option.label.ru, option.label.en ?? '');
    }
  }
  return parts.filter(Boolean).join('\n').slice(0, searchTextLimit);
}

/** What to call a record in lists and links: its title field, else its first text value. */
export function recordTitle(entity: EntityBody, data: Record<string, unknown>): string {
  const key = entity.titleField ?? entity.fields.find((f) => f.type === 'string')?.key;
  const value = key ? data[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 500) : '';
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

function stripTags(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, (e) => entities[e.toLowerCase()] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
