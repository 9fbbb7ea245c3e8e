import type { ArticleAudience, ArticleState, ArticleSummary, LocalText } from '@opora/sdk';
import { fromPgArray } from '../../db/pg-array.js';

/** Columns of kb_article the summaries are built from (never the search vectors). */
export const summaryColumns = `a.id, a.key, a.title, a.summary, a.state, a.audience, a.category_id, a.tags, a.views,
  a.helpful, a.not_helpful, a.version, a.updated_at, a.updated_by, a.published_at`;

export interface ArticleRow {
  id: string;
  key: string;
  title: string;
  summary: string;
  state: ArticleState;
  audience: ArticleAudience;
  category_id: string | null;
  tags: string[] | string;
  views: string | number;
  helpful: number;
  not_helpful: number;
  version: number;
  updated_at: Date | string;
  updated_by: string | null;
  published_at: Date | string | null;
}

export interface FullArticleRow extends ArticleRow {
  body: string;
  body_text: string;
  related: string[] | string;
  created_at: Date | string;
  created_by: string | null;
}

export interface CategoryRow {
  id: string;
  key: string;
  title: LocalText;
  description: LocalText | null;
  parent_id: string | null;
  position: number;
}

export const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export const summaryView = (row: ArticleRow): ArticleSummary => ({
  id: row.id,
  key: row.key,
  title: row.title,
  summary: row.summary,
  state: row.state,
  audience: row.audience,
  categoryId: row.category_id,
  tags: fromPgArray(row.tags),
  views: Number(row.views),
  helpful: row.helpful,
  notHelpful: row.not_helpful,
  version: row.version,
  updatedAt: iso(row.updated_at)!,
  updatedBy: row.updated_by,
  publishedAt: iso(row.published_at),
});

/** Popularity orders broad searches and «популярные статьи»: reads count, and so do the votes (SQL over the given columns). */
export const popularityOf = (views: string, helpful: string, notHelpful: string): string =>
  `ln(1 + ${views}) + 2 * ln(1 + ${helpful}) - ln(1 + ${notHelpful})`;

/** JSONB arrives parsed from the PostgreSQL driver and as text from the embedded one. */
export const jsonValue = <T>(value: unknown): T =>
  (typeof value === 'string' ? JSON.parse(value) : value) as T;
