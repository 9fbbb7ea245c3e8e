import type { ArticleAudience, ArticleQuery, ArticleState } from '@opora/sdk';
import { articleStates, audiences } from './article-fields';

export const pageSize = 25;
export const listSorts = ['-updatedAt', 'title', '-views'] as const;
export type ListSort = (typeof listSorts)[number];

/** The list's search, filters, sort and page: kept in the address so «back» from an article returns to them. */
export interface ListQuery {
  q: string;
  state: ArticleState | '';
  audience: ArticleAudience | '';
  category: string;
  tag: string;
  sort: ListSort;
  offset: number;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T | ''): T | '' =>
  allowed.includes(value as T) ? (value as T) : fallback;

export function readListQuery(search: string): ListQuery {
  const p = new URLSearchParams(search);
  const offset = Number(p.get('offset') ?? 0);
  return {
    q: p.get('q') ?? '',
    state: pick(p.get('state'), articleStates, ''),
    audience: pick(p.get('audience'), audiences, ''),
    category: p.get('category') ?? '',
    tag: p.get('tag') ?? '',
    sort: (pick(p.get('sort'), listSorts, '-updatedAt') || '-updatedAt') as ListSort,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The address for a query; defaults are left out to keep it short. */
export function listQueryPath(q: ListQuery): string {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.state) p.set('state', q.state);
  if (q.audience) p.set('audience', q.audience);
  if (q.category) p.set('category', q.category);
  if (q.tag) p.set('tag', q.tag);
  if (q.sort !== '-updatedAt') p.set('sort', q.sort);
  if (q.offset) p.set('offset', String(q.offset));
  const s = p.toString();
  return s ? `/kb?${s}` : '/kb';
}

export function toApiQuery(q: ListQuery): ArticleQuery {
  return {
    ...(q.q.trim() ? { q: q.q.trim() } : {}),
    ...(q.state ? { state: q.state } : {}),
    ...(q.audience ? { audience: q.audience } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.tag.trim() ? { tag: q.tag.trim() } : {}),
    sort: q.sort,
    limit: pageSize,
    offset: q.offset,
  };
}

export const hasFilters = (q: ListQuery): boolean =>
  Boolean(q.q.trim() || q.state || q.audience || q.category || q.tag.trim());
