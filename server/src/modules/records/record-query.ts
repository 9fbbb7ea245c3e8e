import type { EntityBody } from '@opora/runtime/definitions';
import type { FilterOp, RecordQuery } from '@opora/sdk';
import { containsPattern } from '../../db/escape-like.js';
import { fail } from '../../http/app-error.js';
import {
  builtins,
  castFor,
  entityLiteral,
  fieldText,
  fieldValue,
  isArrayField,
  keyLiteral,
} from './field-sql.js';
import { castable, type FilterCast } from './filter-values.js';
import { type SortKey, sortKey } from './record-sort.js';

export interface SqlPart {
  sql: string;
  params: unknown[];
}

const ops: readonly FilterOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains', 'in', 'empty'];
const comparison: Partial<Record<FilterOp, string>> = {
  eq: '=',
  ne: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

/**
 * Turns the list parameters into SQL over the JSONB data: every field name is checked against the entity and
 * spelled into the text only through field-sql.ts (so the expression indexes publishing builds apply); values
 * are bound parameters, never spliced into the text.
 */
export function buildRecordQuery(
  entity: string,
  body: EntityBody,
  query: RecordQuery,
): { where: SqlPart; sort: SortKey } {
  const where: SqlPart = { sql: `entity = ${entityLiteral(entity)} and deleted_at is null`, params: [] };
  for (const filter of query.filter ?? []) append(where, filterSql(body, filter));
  if (query.q?.trim())
    append(where, { sql: `search @@ websearch_to_tsquery('russian', ?)`, params: [query.q] });
  return { where, sort: sortKey(body, query) };
}

function append(target: SqlPart, part: SqlPart): void {
  target.sql += ` and ${part.sql}`;
  target.params.push(...part.params);
}

function filterSql(body: EntityBody, filter: string): SqlPart {
  const [fieldKey = '', opText = '', ...rest] = filter.split(':');
  const value = rest.join(':');
  const op = opText as FilterOp;
  if (!ops.includes(op))
    throw fail.badFilter(filter, {
      key: 'filter_unknown_operator',
      params: { op: opText, ops: ops.join(', ') },
    });
  if (builtins[fieldKey]) return builtinFilter(fieldKey, builtins[fieldKey], op, value, filter);
  const field = body.fields.find((f) => f.key === fieldKey);
  if (!field) throw fail.badFilter(filter, { key: 'filter_unknown_field', params: { field: fieldKey } });
  const text = fieldText(field.key);
  if (op === 'empty') {
    const empty = `(${text} is null or ${text} = '')`;
    return { sql: value === 'false' ? `not ${empty}` : empty, params: [] };
  }
  if (op === 'contains') {
    if (isArrayField(field))
      return { sql: `data->${keyLiteral(field.key)} @> ?::jsonb`, params: [JSON.stringify([value])] };
    return { sql: `${text} ilike ?`, params: [containsPattern(value)] };
  }
  if (op === 'in') return { sql: `${text} = any(string_to_array(?, '|'))`, params: [value] };
  const cast = castFor(field);
  if (cast === 'text') return { sql: `${text} ${comparison[op]} ?`, params: [value] };
  checkValue(cast, value, filter);
  return { sql: `${fieldValue(field.key, cast)} ${comparison[op]} ?::${cast}`, params: [value] };
}

function builtinFilter(name: string, column: string, op: FilterOp, value: string, filter: string): SqlPart {
  const sqlOp = comparison[op];
  if (!sqlOp)
    throw fail.badFilter(filter, { key: 'filter_operator_unsupported', params: { op, field: name } });
  const cast = column === 'number' ? 'bigint' : 'timestamptz';
  checkValue(cast, value, filter);
  return { sql: `${column} ${sqlOp} ?::${cast}`, params: [value] };
}

/** A value PostgreSQL would refuse to cast is the caller's mistake, said as such (it was a 500). */
function checkValue(cast: FilterCast, value: string, filter: string): void {
  if (castable(cast, value)) return;
  const key =
    cast === 'numeric'
      ? 'filter_not_number'
      : cast === 'bigint'
        ? 'filter_not_whole_number'
        : 'filter_not_date';
  throw fail.badFilter(filter, { key, params: { value } });
}
