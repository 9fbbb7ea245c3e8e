import type { EntityField } from '@opora/runtime/definitions';
import { localText } from '../lib/local-text';

/** What formatting needs besides the value: the language, words, and names of linked records and people. */
export interface FormatContext {
  locale: string;
  yes: string;
  no: string;
  rows: (count: number) => string;
  /** Titles of linked records and names of users by id (missing: not loaded yet). */
  names: ReadonlyMap<string, string>;
}

interface FileRef {
  id: string;
  name: string;
}

const isFile = (v: unknown): v is FileRef =>
  typeof v === 'object' && v !== null && typeof (v as FileRef).name === 'string';

const entities: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** A field's value as one line of text, for list cells, history and read-only summaries. */
export function formatValue(field: EntityField, value: unknown, ctx: FormatContext): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.type) {
    case 'boolean':
      return value ? ctx.yes : ctx.no;
    case 'enum':
      return localText(field.options.find((o) => o.value === value)?.label, ctx.locale) || String(value);
    case 'number':
      return typeof value === 'number' ? value.toLocaleString(ctx.locale) : String(value);
    case 'money':
      return typeof value === 'number'
        ? value.toLocaleString(ctx.locale, {
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
            ...(field.currency ? { style: 'currency', currency: field.currency } : {}),
          })
        : String(value);
    case 'date':
      return formatDay(value, ctx.locale);
    case 'datetime':
      return formatMoment(value, ctx.locale);
    case 'relation':
    case 'user':
      return list(value)
        .map((id) => ctx.names.get(String(id)) ?? '…')
        .join(', ');
    case 'file':
      return list(value)
        .filter(isFile)
        .map((f) => f.name)
        .join(', ');
    case 'table':
      return Array.isArray(value) ? ctx.rows(value.length) : '';
    case 'richtext':
      return String(value)
        .replace(/<[^>]+>/g, ' ')
        .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_, e: string) => entities[e] ?? ' ')
        .replace(/\s+/g, ' ')
        .replace(/\s+([,.;:!?])/g, '$1')
        .trim();
    default:
      return String(value);
  }
}

export function formatDay(value: unknown, locale: string): string {
  if (typeof value !== 'string') return '';
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return value;
  return new Date(y, m - 1, d).toLocaleDateString(locale);
}

export function formatMoment(value: unknown, locale: string): string {
  if (typeof value !== 'string') return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
}

/** Ids of linked records (per target type) and of users a set of values refers to, to load their names at once. */
export function referencedIds(
  fields: readonly EntityField[],
  rows: readonly Record<string, unknown>[],
): { records: Map<string, Set<string>>; users: Set<string> } {
  const records = new Map<string, Set<string>>();
  const users = new Set<string>();
  for (const field of fields) {
    if (field.type !== 'relation' && field.type !== 'user') continue;
    for (const row of rows)
      for (const id of list(row[field.key])) {
        if (typeof id !== 'string') continue;
        if (field.type === 'user') users.add(id);
        else {
          const set = records.get(field.entity) ?? new Set<string>();
          set.add(id);
          records.set(field.entity, set);
        }
      }
  }
  return { records, users };
}

/** Whether a field holds nothing worth showing (no value, an empty text or an empty list). */
export const isEmptyValue = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
