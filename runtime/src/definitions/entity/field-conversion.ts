import type { ValidateFunction } from 'ajv';
import { ajv } from '../ajv.js';
import { fieldValueSchema } from './record-schema.js';
import type { EntityField } from './schema.js';

export type Conversion = { ok: true; value: unknown } | { ok: false };

const fail: Conversion = { ok: false };
const ok = (value: unknown): Conversion => ({ ok: true, value });

/** No value at all: what a required field refuses and a fill (`set`) replaces. */
export const isEmptyValue = (value: unknown): boolean =>
  value === undefined || value === null || value === '';

const checks = new WeakMap<EntityField, ValidateFunction>();

/** Whether a (non-empty) value is one the field accepts: its type, format, options and limits. */
export function fieldValueFits(field: EntityField, value: unknown): boolean {
  let check = checks.get(field);
  if (!check) {
    check = ajv.compile(fieldValueSchema(field));
    checks.set(field, check);
  }
  return check(value) === true;
}

const truthy = new Set(['true', 'да', 'yes', '1', 'истина', 'y', 'д']);
const falsy = new Set(['false', 'нет', 'no', '0', 'ложь', 'n', 'н']);

/**
 * Converts a stored value of field `from` to what field `to` holds, as a `convert` migration rule does:
 * numbers from text written either way ("1 500,50"), yes/no words to booleans, enum options by value or label,
 * dates from date-times, single values to lists and back (a list of one). Whether the result also satisfies the
 * new field's limits is {@link fieldValueFits}'s call. Identity where the representation is the same.
 */
export function convertValue(value: unknown, from: EntityField, to: EntityField): Conversion {
  if (isEmptyValue(value)) return ok(value);
  switch (to.type) {
    case 'string':
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
      if (typeof value === 'string') return ok(from.type === 'richtext' ? htmlToText(value) : value);
      return typeof value === 'number' || typeof value === 'boolean' ? ok(String(value)) : fail;
    case 'richtext':
      if (typeof value === 'string') return ok(from.type === 'richtext' ? value : textToHtml(value));
      return typeof value === 'number' ? ok(String(value)) : fail;
    case 'number':
    case 'money':
      return typeof value === 'number' ? ok(value) : typeof value === 'string' ? parseNumber(value) : fail;
    case 'boolean':
      if (typeof value === 'boolean') return ok(value);
      if (typeof value === 'number') return value === 1 ? ok(true) : value === 0 ? ok(false) : fail;
      if (typeof value !== 'string') return fail;
      return truthy.has(value.trim().toLowerCase())
        ? ok(true)
        : falsy.has(value.trim().toLowerCase())
          ? ok(false)
          : fail;
    case 'enum':
      return toOption(value, to);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? ok(value.slice(0, 10)) : fail;
    case 'datetime':
      if (typeof value !== 'string') return fail;
      return ok(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    case 'file':
    case 'user':
      return from.type === to.type ? adaptMultiplicity(value, Boolean(to.multiple)) : fail;
    case 'relation':
      return from.type === 'relation' && from.entity === to.entity
        ? adaptMultiplicity(value, Boolean(to.many))
        : fail;
    case 'table':
      return from.type === 'table' && Array.isArray(value)
        ? convertRows(value, from.columns, to.columns)
        : fail;
  }
}

function parseNumber(text: string): Conversion {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return fail;
  const number = Number(cleaned);
  return Number.isFinite(number) ? ok(number) : fail;
}

function toOption(value: unknown, to: Extract<EntityField, { type: 'enum' }>): Conversion {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return fail;
  const text = String(value);
  const exact = to.options.find((o) => o.value === text);
  if (exact) return ok(exact.value);
  const wanted = text.trim().toLocaleLowerCase('ru');
  const named = to.options.find((o) =>
    [o.value, o.label.ru, o.label.en].some((name) => name?.trim().toLocaleLowerCase('ru') === wanted),
  );
  return named ? ok(named.value) : fail;
}

function adaptMultiplicity(value: unknown, many: boolean): Conversion {
  if (many) return ok(Array.isArray(value) ? value : [value]);
  if (!Array.isArray(value)) return ok(value);
  // A list becomes one value only when nothing is lost.
  return value.length === 0 ? ok(null) : value.length === 1 ? ok(value[0]) : fail;
}

function convertRows(rows: unknown[], from: EntityField[], to: EntityField[]): Conversion {
  const before = new Map(from.map((c) => [c.key, c]));
  const result: Record<string, unknown>[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) return fail;
    const old = row as Record<string, unknown>;
    const next: Record<string, unknown> = {};
    for (const column of to) {
      const source = before.get(column.key);
      const value = old[column.key];
      if (!source) {
        // A new column: its default, like a new row would get.
        if (column.default !== undefined) next[column.key] = structuredClone(column.default);
        continue;
      }
      if (isEmptyValue(value)) continue;
      const converted = convertValue(value, source, column);
      if (!converted.ok || !fieldValueFits(column, converted.value)) return fail;
      next[column.key] = converted.value;
    }
    result.push(next);
  }
  return ok(result);
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Plain text shown as written once it is HTML: escaped, one paragraph per line. */
function textToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `<p>${line.replace(/[&<>"']/g, (c) => escapes[c]!)}</p>`)
    .join('');
}

function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|div|li|h[1-6])>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
