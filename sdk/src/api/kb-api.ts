import type { OporaClient } from './client.js';
import type {
  Article,
  ArticleInput,
  ArticleQuery,
  ArticleRating,
  ArticleReview,
  ArticleState,
  ArticleSummary,
  ArticleUpdate,
  ArticleVersion,
  ArticleVersionSummary,
  KbCategory,
  KbCategoryInput,
  KbFile,
  PortalArticle,
  PortalArticleQuery,
  SearchGap,
  SearchGapKind,
  SearchQuery,
  SearchResult,
  Suggestion,
  SynonymGroup,
} from './kb-types.js';
import type { Page } from './types.js';

const enc = encodeURIComponent;

/** The knowledge base: editors' API and the portal's reading, search and rating API. */
export class KbApi {
  constructor(private readonly client: OporaClient) {}

  // --- categories (read by everyone, changed by editors) ---
  categories(): Promise<{ items: KbCategory[] }> {
    return this.client.request('GET', '/kb/categories');
  }
  createCategory(input: KbCategoryInput): Promise<KbCategory> {
    return this.client.request('POST', '/kb/categories', { body: input });
  }
  updateCategory(id: string, input: Omit<KbCategoryInput, 'key'>): Promise<KbCategory> {
    return this.client.request('PUT', `/kb/categories/${enc(id)}`, { body: input });
  }
  /** Refused (409) while the category has articles or subcategories. */
  deleteCategory(id: string): Promise<void> {
    return this.client.request('DELETE', `/kb/categories/${enc(id)}`);
  }

  // --- articles (staff) ---
  list(query: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    return this.client.request('GET', '/kb/articles', { query: { ...query } });
  }
  get(id: string): Promise<Article> {
    return this.client.request('GET', `/kb/articles/${enc(id)}`);
  }
  create(input: ArticleInput): Promise<Article> {
    return this.client.request('POST', '/kb/articles', { body: input });
  }
  update(id: string, update: ArticleUpdate): Promise<Article> {
    return this.client.request('PUT', `/kb/articles/${enc(id)}`, { body: update });
  }
  /** draft → review → published → archived (and back to draft); publishing needs an editor. */
  setState(id: string, version: number, state: ArticleState): Promise<Article> {
    return this.client.request('POST', `/kb/articles/${enc(id)}/state`, { body: { version, state } });
  }
  /** Only articles never published can be deleted; archive the others. */
  remove(id: string, version: number): Promise<void> {
    return this.client.request('DELETE', `/kb/articles/${enc(id)}`, { query: { version } });
  }
  /** The article's latest review process: who reviews it, what was decided and why; null when it had none. */
  review(id: string): Promise<{ review: ArticleReview | null }> {
    return this.client.request('GET', `/kb/articles/${enc(id)}/review`);
  }
  versions(id: string): Promise<{ items: ArticleVersionSummary[] }> {
    return this.client.request('GET', `/kb/articles/${enc(id)}/versions`);
  }
  version(id: string, number: number): Promise<ArticleVersion> {
    return this.client.request('GET', `/kb/articles/${enc(id)}/versions/${number}`);
  }
  /** Makes an earlier revision the current text (as a new revision; the state does not change). */
  restore(id: string, version: number, from: number): Promise<Article> {
    return this.client.request('POST', `/kb/articles/${enc(id)}/restore`, { body: { version, from } });
  }
  ratings(id: string, query: { limit?: number; offset?: number } = {}): Promise<Page<ArticleRating>> {
    return this.client.request('GET', `/kb/articles/${enc(id)}/ratings`, { query });
  }
  /** Stores an image, video or attachment for an article; put the returned url into its HTML. */
  uploadFile(articleId: string, file: Blob, name?: string): Promise<KbFile> {
    const form = new FormData();
    form.append('articleId', articleId);
    form.append('file', file, name ?? (file as { name?: string }).name ?? 'file');
    return this.client.request('POST', '/kb/files', { form });
  }

  // --- synonyms and search gaps (editors) ---
  synonyms(): Promise<{ items: SynonymGroup[] }> {
    return this.client.request('GET', '/kb/synonyms');
  }
  /** Replaces the whole list in one go. */
  saveSynonyms(groups: string[][]): Promise<{ items: SynonymGroup[] }> {
    return this.client.request('PUT', '/kb/synonyms', { body: { groups } });
  }
  searchGaps(
    query: { limit?: number; offset?: number; kind?: SearchGapKind } = {},
  ): Promise<Page<SearchGap>> {
    return this.client.request('GET', '/kb/search-gaps', { query });
  }
  /** Removes a gap from the report (the article was written, or the query is noise). */
  dismissSearchGap(id: string): Promise<void> {
    return this.client.request('DELETE', `/kb/search-gaps/${enc(id)}`);
  }

  // --- portal: reading, search, rating (public; what the caller may read) ---
  search(query: SearchQuery): Promise<SearchResult> {
    return this.client.request('GET', '/portal/kb/search', { query: { ...query } });
  }
  suggest(q: string): Promise<{ items: Suggestion[] }> {
    return this.client.request('GET', '/portal/kb/suggest', { query: { q } });
  }
  portalArticles(query: PortalArticleQuery = {}): Promise<Page<ArticleSummary>> {
    return this.client.request('GET', '/portal/kb/articles', { query: { ...query } });
  }
  portalArticle(key: string): Promise<PortalArticle> {
    return this.client.request('GET', `/portal/kb/articles/${enc(key)}`);
  }
  /** Counts one reading of the article. */
  recordView(key: string): Promise<void> {
    return this.client.request('POST', `/portal/kb/articles/${enc(key)}/views`);
  }
  /** «Была ли статья полезна?»; a second answer from the same visitor replaces the first. */
  rate(
    key: string,
    input: { helpful: boolean; comment?: string },
  ): Promise<{ helpful: number; notHelpful: number }> {
    return this.client.request('POST', `/portal/kb/articles/${enc(key)}/ratings`, { body: input });
  }
}
