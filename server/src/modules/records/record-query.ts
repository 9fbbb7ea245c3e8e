import type { EntityBody, EntityField } from '@opora/runtime/definitions';
import type { FilterOp, RecordQuery } from '@opora/sdk';
import { containsPattern } from '../../db/escape-like.js';
import { fail } from '../../http/app-error.js';
import { castable, type FilterCast } from './filter-values.js';

export interface SqlPart {
  sql: string;
  params: unknown[];
}

const builtins: Record<string, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  number: 'number',
};
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
 * Turns the list parameters into SQL over the JSONB data: every field name is checked against the entity
 * and passed as a bound parameter, never spliced into the text.
 */
export function buildRecordQuery(
  entity: string,
  body: EntityBody,
  query: RecordQuery,
): { where: SqlPart; orderBy: SqlPart } {
  const where: SqlPart = { sql: 'entity = ? and deleted_at is null', params: [entity] };
  for (const filter of query.filter ?? []) append(where, filterSql(body, filter));
  if (query.q?.trim())
    append(where, { sql: `search @@ websearch_to_tsquery('russian', ?)`, params: [query.q] });
  return { where, orderBy: orderSql(body, query) };
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
  const text = { sql: 'data->>?', params: [fieldKey] as unknown[] };
  if (op === 'empty') {
    const empty = `(data->>? is null or data->>? = '')`;
    return { sql: value === 'false' ? `not ${empty}` : empty, params: [fieldKey, fieldKey] };
  }
  if (op === 'contains') {
    if (isArrayField(field))
      return { sql: `data->? @> ?::jsonb`, params: [fieldKey, JSON.stringify([value])] };
    return {
      sql: `${text.sql} ilike ?`,
      params: [fieldKey, containsPattern(value)],
    };
  }
  if (op === 'in') return { sql: `${text.sql} = any(string_to_array(?, '|'))`, params: [fieldKey, value] };
  const cast = castFor(field);
  if (cast) checkValue(cast, value, filter);
  const left = cast ? `(data->>?)::${cast}` : text.sql;
  return { sql: `${left} ${comparison[op]} ?${cast ? `::${cast}` : ''}`, params: [fieldKey, value] };
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

function orderSql(body: EntityBody, query: RecordQuery): SqlPart {
  if (!query.sort) {
    if (query.q?.trim())
      return {
        sql: `ts_rank(search, websearch_to_tsquery('russian', ?)) desc, created_at desc, id`,
        params: [query.q],
      };
    return { sql: 'created_at desc, id', params: [] };
  }
  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const key = query.sort.replace(/^-/, '');
  if (builtins[key]) return { sql: `${builtins[key]} ${direction}, id`, params: [] };
  const field = body.fields.find((f) => f.key === key);
  if (!field || isArrayField(field)) throw fail.badSort(key);
  // Options sort in the order the analyst listed them (Низкий < Обычный < Высокий), not by their codes.
  if (field.type === 'enum')
    return {
      sql: `array_position(string_to_array(?, chr(31)), data->>?) ${direction} nulls last, id`,
      params: [field.options.map((o) => o.value).join('\u001f'), key],
    };
  const cast = castFor(field);
  return { sql: `${cast ? `(data->>?)::${cast}` : 'data->>?'} ${direction} nulls last, id`, params: [key] };
}

function castFor(field: EntityField): FilterCast | undefined {
  if (field.type === 'number' || field.type === 'money') return 'numeric';
  if (field.type === 'date') return 'date';
  if (field.type === 'datetime') return 'timestamptz';
  return undefined;
}

function isArrayField(field: EntityField): boolean {
  const options = field as { many?: boolean; multiple?: boolean };
  return field.type === 'table' || options.many === true || options.multiple === true;
}
