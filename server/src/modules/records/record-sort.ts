import type { EntityBody } from '@opora/runtime/definitions';
import type { RecordQuery } from '@opora/sdk';
import { fail } from '../../http/app-error.js';
import { builtins, castFor, type FieldCast, fieldValue, isArrayField, keyLiteral } from './field-sql.js';
import type { SqlPart } from './record-query.js';

/** The type a sort key's value is compared as when a cursor brings it back. */
export type SortCast = FieldCast | 'bigint' | 'integer' | 'real';

/**
 * The order of a list: one key, then the id in the same direction, so every record has one place and a cursor
 * (the key and id of the last record shown) says exactly where the next page starts. Records without a value
 * come last in both directions, as they always did.
 */
export interface SortKey {
  /** Which order a cursor was made for: the `sort` parameter, or `rank` for a search's relevance. */
  name: string;
  expr: SqlPart;
  cast: SortCast;
  dir: 'asc' | 'desc';
  nullable: boolean;
  /**
   * Set when ordering every match would cost too much: the order is taken among the newest matches only. A
   * search's relevance reads each match's text, hundreds of ms for a common word among a million requests.
   */
  amongNewest?: number;
}

/** How many of a search's newest matches its relevance is ranked among. */
export const rankedNewest = 500;

export function sortKey(body: EntityBody, query: RecordQuery): SortKey {
  if (!query.sort) {
    if (query.q?.trim())
      return {
        name: 'rank',
        expr: { sql: `ts_rank(search, websearch_to_tsquery('russian', ?))`, params: [query.q] },
        cast: 'real',
        dir: 'desc',
        nullable: false,
        amongNewest: rankedNewest,
      };
    return builtinKey('-createdAt');
  }
  const dir = query.sort.startsWith('-') ? 'desc' : 'asc';
  const key = query.sort.replace(/^-/, '');
  if (builtins[key]) return builtinKey(query.sort);
  const field = body.fields.find((f) => f.key === key);
  if (!field || isArrayField(field)) throw fail.badSort(key);
  // Options sort in the order the analyst listed them (Низкий < Обычный < Высокий), not by their codes.
  if (field.type === 'enum')
    return {
      name: query.sort,
      expr: {
        sql: `array_position(string_to_array(?, chr(31)), data->>${keyLiteral(key)})`,
        params: [field.options.map((o) => o.value).join('\u001f')],
      },
      cast: 'integer',
      dir,
      nullable: true,
    };
  const cast = castFor(field);
  return { name: query.sort, expr: { sql: fieldValue(key, cast), params: [] }, cast, dir, nullable: true };
}

function builtinKey(sort: string): SortKey {
  const key = sort.replace(/^-/, '');
  const column = builtins[key]!;
  return {
    name: sort,
    expr: { sql: column, params: [] },
    cast: column === 'number' ? 'bigint' : 'timestamptz',
    dir: sort.startsWith('-') ? 'desc' : 'asc',
    nullable: false,
  };
}
