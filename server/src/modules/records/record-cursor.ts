import { fail } from '../../http/app-error.js';
import type { Localized } from '../../http/messages.js';
import { castable } from './filter-values.js';
import type { SortCast, SortKey } from './record-sort.js';

/** Where a page starts: the sort key's value (as PostgreSQL prints it) and the id of the record at the edge. */
export interface Cursor {
  sort: string;
  value: string | null;
  id: string;
  /**
   * Set past a search's ranked newest matches, where the older ones follow by date: the value is then the
   * record's creation time, not its rank.
   */
  older?: true;
}

export type CursorParam = 'after' | 'before';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const whole = { bigint: /^-?\d{1,18}$/, integer: /^-?\d{1,9}$/ };

/** Opaque to clients: they hand back what a page gave them. */
export const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(
    JSON.stringify(
      cursor.older
        ? [cursor.sort, cursor.value, cursor.id, olderMark]
        : [cursor.sort, cursor.value, cursor.id],
    ),
  ).toString('base64url');

const olderMark = 'older';

/**
 * Reads a cursor a client sent back, refusing with a 400 anything a page did not make for this order: the
 * value only ever reaches SQL as a bound parameter of the sort key's type, checked here to be one.
 */
export function decodeCursor(text: string, param: CursorParam, key: SortKey): Cursor {
  const refuse = (reason: Localized) => fail.badCursor(param, reason);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refuse({ key: 'cursor_unreadable' });
  }
  if (!Array.isArray(parsed) || parsed.length < 3 || parsed.length > 4)
    throw refuse({ key: 'cursor_unreadable' });
  const [sort, value, id, mark] = parsed as unknown[];
  if (typeof sort !== 'string' || typeof id !== 'string' || !uuid.test(id))
    throw refuse({ key: 'cursor_unreadable' });
  const older = parsed.length === 4;
  if (older && (mark !== olderMark || !key.amongNewest)) throw refuse({ key: 'cursor_unreadable' });
  if (sort !== key.name) throw refuse({ key: 'cursor_other_sort', params: { was: sort, is: key.name } });
  const nullable = key.nullable && !older;
  if (
    value === null ? !nullable : typeof value !== 'string' || !fits(older ? 'timestamptz' : key.cast, value)
  )
    throw refuse({ key: 'cursor_bad_value' });
  return older ? { sort, value: value as string, id, older } : { sort, value: value as string | null, id };
}

function fits(cast: SortCast, value: string): boolean {
  if (value.length > 10_000) return false;
  if (cast === 'text') return true;
  if (cast === 'bigint' || cast === 'integer') return whole[cast].test(value);
  if (cast === 'real') return castable('numeric', value);
  return castable(cast, value);
}
