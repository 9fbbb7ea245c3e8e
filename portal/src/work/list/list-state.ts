import type { EntityBody } from '@opora/runtime/definitions';
import type { RecordQuery, ViewState } from '@opora/sdk';
import { decodeFilter, encodeFilter, type FilterSpec, filterTarget, isRunnable } from './filter-ops';

/**
 * What a list shows. It lives in the address (`?q=…&filter=…&sort=…`), so the back button, a reload, a shared
 * link and a saved view all reopen the same list.
 */
export interface ListState {
  q: string;
  filters: FilterSpec[];
  sort: string | null;
  /** How many records come before this page: shown as «21–40», never sent once a cursor is known. */
  offset: number;
  /** The page's place as the records API's cursor: after one page's last record, or before one's first. */
  after?: string | null;
  before?: string | null;
  limit: number;
  /** null: the type's default columns. */
  columns: string[] | null;
  /** The saved view this list was opened from, if any. */
  view: string | null;
}

export const pageSizes = [20, 50, 100] as const;
const defaultLimit = 20;

export function parseListState(search: string): ListState {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const number = (name: string, fallback: number) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value >= 0 ? value : fallback;
  };
  const limit = number('limit', defaultLimit);
  const columns = params.get('columns');
  return {
    q: params.get('q') ?? '',
    filters: params.getAll('filter').flatMap((f) => decodeFilter(f) ?? []),
    sort: params.get('sort') || null,
    offset: number('offset', 0),
    ...cursorOf(params),
    limit: (pageSizes as readonly number[]).includes(limit) ? limit : defaultLimit,
    columns: columns ? columns.split(',').filter(Boolean) : null,
    view: params.get('view'),
  };
}

function cursorOf(params: URLSearchParams): Pick<ListState, 'after' | 'before'> {
  const after = params.get('after');
  const before = params.get('before');
  return after ? { after } : before ? { before } : {};
}

export function listSearch(state: ListState): string {
  const params = new URLSearchParams();
  if (state.view) params.set('view', state.view);
  if (state.q) params.set('q', state.q);
  for (const f of state.filters) params.append('filter', encodeFilter(f));
  if (state.sort) params.set('sort', state.sort);
  if (state.columns) params.set('columns', state.columns.join(','));
  if (state.offset) params.set('offset', String(state.offset));
  if (state.after) params.set('after', state.after);
  else if (state.before) params.set('before', state.before);
  if (state.limit !== defaultLimit) params.set('limit', String(state.limit));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isMoment = (target: ReturnType<typeof filterTarget>) =>
  target === 'createdAt' ||
  target === 'updatedAt' ||
  (typeof target === 'object' && target?.type === 'datetime');
const localMidnight = (day: string, plusDays = 0): string => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
};

/**
 * The records-API query for a list: only filters that can run (a half-typed one waits), and days on moments
 * read as whole local days ("до 5 ноября" includes the 5th).
 */
export function toRecordQuery(entity: EntityBody, state: ListState): RecordQuery {
  const filter = state.filters
    .filter((f) => isRunnable(entity, f))
    .map((f) => {
      const target = filterTarget(entity, f.field);
      if (!isMoment(target) || !dayPattern.test(f.value)) return encodeFilter(f);
      if (f.op === 'lte') return encodeFilter({ ...f, op: 'lt', value: localMidnight(f.value, 1) });
      if (f.op === 'gte') return encodeFilter({ ...f, value: localMidnight(f.value) });
      return encodeFilter(f);
    });
  const sortKey = state.sort?.replace(/^-/, '');
  const sortable = sortKey && filterTarget(entity, sortKey) !== null;
  return {
    q: state.q.trim() || undefined,
    filter: filter.length ? filter : undefined,
    sort: sortable ? (state.sort ?? undefined) : undefined,
    limit: state.limit,
    // A cursor holds its place while records are added; the offset is only for addresses from before cursors.
    ...(state.after
      ? { after: state.after }
      : state.before
        ? { before: state.before }
        : { offset: state.offset }),
  };
}

/** What a saved view keeps of a list (not the page it was on). */
export const toViewState = (state: ListState, columns: string[]): ViewState => ({
  columns,
  filters: state.filters.map(encodeFilter),
  ...(state.sort ? { sort: state.sort } : {}),
  ...(state.q ? { q: state.q } : {}),
});

export const fromViewState = (view: ViewState, id: string, limit: number): ListState => ({
  q: view.q ?? '',
  filters: view.filters.flatMap((f) => decodeFilter(f) ?? []),
  sort: view.sort ?? null,
  offset: 0,
  limit,
  columns: view.columns.length ? view.columns : null,
  view: id,
});

/** Header clicks cycle a column through ascending, descending and the default order. */
export function nextSort(current: string | null, key: string): string | null {
  if (current === key) return `-${key}`;
  if (current === `-${key}`) return null;
  return key;
}
