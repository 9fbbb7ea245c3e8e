/** A category's article list as its address keeps it: `/kb/c/<key>?sort=recent&page=2`. */
export interface ListState {
  sort: 'popular' | 'recent';
  page: number;
}

export const listPageSize = 20;

export function parseList(path: string): ListState {
  const at = path.indexOf('?');
  const params = new URLSearchParams(at >= 0 ? path.slice(at + 1) : '');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    sort: params.get('sort') === 'recent' ? 'recent' : 'popular',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The list's address; the defaults (popular, page 1) are left out. */
export function listHref(base: string, state: ListState): string {
  const params = new URLSearchParams();
  if (state.sort !== 'popular') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
