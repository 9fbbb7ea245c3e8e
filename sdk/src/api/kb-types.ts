/**
 * Knowledge base shapes (`/api/v1/kb/...` for editors, `/api/v1/portal/kb/...` for the portal).
 * Articles are plain HTML sanitized by the server; keys are stable, lower-case latin, and make the article URL.
 */
import type { LocalText } from './types.js';

export type ArticleState = 'draft' | 'review' | 'published' | 'archived';
export type ArticleAudience = 'public' | 'clients' | 'staff';

export interface KbCategory {
  id: string;
  key: string;
  title: LocalText;
  description: LocalText | null;
  parentId: string | null;
  position: number;
  /** Published articles the caller may read, in this category and its subcategories. */
  articleCount: number;
}

export interface KbCategoryInput {
  key: string;
  title: LocalText;
  description?: LocalText | null;
  parentId?: string | null;
  position?: number;
}

export interface ArticleSummary {
  id: string;
  key: string;
  title: string;
  summary: string;
  state: ArticleState;
  audience: ArticleAudience;
  categoryId: string | null;
  tags: string[];
  views: number;
  helpful: number;
  notHelpful: number;
  /** Increments on every save; send it back to change the article (optimistic concurrency). */
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  publishedAt: string | null;
}

export interface Article extends ArticleSummary {
  /** Sanitized HTML. */
  body: string;
  related: ArticleLink[];
  createdAt: string;
  createdBy: string | null;
}

export interface ArticleLink {
  id: string;
  key: string;
  title: string;
}

export interface ArticleInput {
  /** Made from the title when omitted; cannot change later (URLs and question trees use it). */
  key?: string;
  title: string;
  summary?: string;
  body: string;
  categoryId?: string | null;
  tags?: string[];
  audience?: ArticleAudience;
  /** Ids of related articles. */
  related?: string[];
}

export interface ArticleUpdate extends Omit<ArticleInput, 'key'> {
  version: number;
}

export interface ArticleQuery {
  q?: string;
  state?: ArticleState;
  audience?: ArticleAudience;
  category?: string;
  tag?: string;
  sort?: 'updatedAt' | '-updatedAt' | 'title' | '-title' | 'views' | '-views';
  limit?: number;
  offset?: number;
}

/** One saved revision: what the article said, who saved it and when. */
export interface ArticleVersionSummary {
  number: number;
  title: string;
  state: ArticleState;
  /** What happened: 'created', 'edited', 'state' (moved to `state`), 'restored'. */
  change: 'created' | 'edited' | 'state' | 'restored';
  savedAt: string;
  savedBy: string | null;
}

/** Where an article's latest review process stands (`GET /kb/articles/:id/review`). */
export interface ArticleReview {
  instanceId: string;
  status: 'running' | 'completed' | 'terminated' | 'failed';
  startedAt: string;
  endedAt?: string;
  /** Who reviews now: the open tasks' assignees (a role, a line or a person) and who took the task. */
  reviewers: { kind: 'user' | 'role' | 'line'; value: string; name?: string; claimedBy?: string }[];
  outcome?: 'approved' | 'rejected' | 'returned';
  /** The deciding reviewer's comment: what to change. */
  comment?: string;
  decidedBy?: { id: string; name: string };
}

export interface ArticleVersion extends ArticleVersionSummary {
  summary: string;
  body: string;
  tags: string[];
  categoryId: string | null;
  audience: ArticleAudience;
}

export interface ArticleRating {
  id: string;
  helpful: boolean;
  comment: string | null;
  /** The signed-in person who rated, or null for a visitor. */
  by: string | null;
  at: string;
}

/** A stored file of the knowledge base (image, video or attachment of an article). */
export interface KbFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  /** Address to use in the article (img src, a href). */
  url: string;
}

export interface SynonymGroup {
  id: string;
  /** Words or phrases that mean the same in a search, lower case. */
  terms: string[];
}

/** How a recorded query fared: found nothing, or only articles that do not cover it («Точного ответа нет»). */
export type SearchGapKind = 'zero' | 'weak';

/** A query visitors typed that found nothing or no exact answer: a hint at what the knowledge base lacks. */
export interface SearchGap {
  id: string;
  query: string;
  kind: SearchGapKind;
  count: number;
  firstAt: string;
  lastAt: string;
  /** Titles of the first articles shown the last time (none for a query that found nothing). */
  shown: string[];
}

/** A piece of text with the words that matched marked, to render without any HTML from the server. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  id: string;
  key: string;
  title: HighlightPart[];
  /** A passage of the article around the words found. */
  snippet: HighlightPart[];
  summary: string;
  categoryId: string | null;
  tags: string[];
  updatedAt: string;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  /** True when `total` is an estimate (very broad queries); pages still come in order. */
  totalIsEstimate: boolean;
  limit: number;
  offset: number;
  /** Set when the query looked misspelt and was searched as this instead («Показаны результаты по запросу …»). */
  correctedQuery: string | null;
  /**
   * False when no article covers the query's distinctive words: the items are only possibly related, and the
   * portal says «Точного ответа нет». Always false when nothing was found.
   */
  exactAnswer: boolean;
}

export interface SearchQuery {
  q: string;
  /** A category key; its subcategories are included. */
  category?: string;
  tag?: string;
  limit?: number;
  offset?: number;
}

export interface Suggestion {
  key: string;
  title: string;
  categoryId: string | null;
}

/** An article as the portal shows it. */
export interface PortalArticle {
  id: string;
  key: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  category: { key: string; title: LocalText } | null;
  /** From the top category down to the article's own. */
  breadcrumbs: { key: string; title: LocalText }[];
  related: ArticleLink[];
  views: number;
  helpful: number;
  notHelpful: number;
  updatedAt: string;
  /** The caller's own earlier rating, so the question is not asked twice. */
  myRating: boolean | null;
}

export interface PortalArticleQuery {
  category?: string;
  tag?: string;
  sort?: 'popular' | 'recent';
  limit?: number;
  offset?: number;
}
