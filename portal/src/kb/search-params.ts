/** What the search page shows, as its address keeps it: `/search?q=&category=&tag=&page=`. */
export interface SearchState {
  q: string;
  category: string;
  tag: string;
  /** 1-based. */
  page: number;
}

export const searchPageSize = 10;
/** Longer queries are cut before they reach the address bar or the server; the server accepts any length anyway. */
export const maxQueryLength = 500;

const emptyState: SearchState = { q: '', category: '', tag: '', page: 1 };

/** Reads the state from a path or query string ('/search?q=…', '?q=…' or 'q=…'); anything malformed falls back. */
export function parseSearch(pathOrQuery: string): SearchState {
  const at = pathOrQuery.indexOf('?');
  const params = new URLSearchParams(at >= 0 ? pathOrQuery.slice(at + 1) : pathOrQuery);
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: (params.get('q') ?? '').slice(0, maxQueryLength),
    category: params.get('category') ?? '',
    tag: params.get('tag') ?? '',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : emptyState.page,
  };
}

/** The address of a search; empty parts and page 1 are left out so shared links stay short. */
export function searchHref(state: Partial<SearchState>): string {
  const full = { ...emptyState, ...state };
  const params = new URLSearchParams();
  const q = full.q.trim().slice(0, maxQueryLength);
  if (q) params.set('q', q);
  if (full.category) params.set('category', full.category);
  if (full.tag) params.set('tag', full.tag);
  if (full.page > 1) params.set('page', String(full.page));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

/** The next state after changing filters: a new filter starts again at page 1. */
export const withFilter = (
  state: SearchState,
  change: Partial<Pick<SearchState, 'category' | 'tag'>>,
): SearchState => ({
  ...state,
  ...change,
  page: 1,
});

export const pageCount = (total: number, limit = searchPageSize): number =>
  Math.max(1, Math.ceil(Math.max(0, total) / Math.max(1, limit)));
