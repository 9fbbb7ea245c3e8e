import { randomUUID } from 'node:crypto';
import { searchTextLimit, slugFromTitle } from '@opora/runtime/definitions';
import type { Article, ArticleInput, ArticleState, ArticleUpdate, Locale } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';
import { fromPgArray, toPgArray } from '../../db/pg-array.js';
import { htmlToText, sanitizeHtml } from '../../html/sanitize.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { ArticleQueries } from './article-queries.js';
import { type ArticleActor, type ArticleReviews, noReviews } from './article-reviews.js';
import { canMove, normalizeTags } from './article-rules.js';
import type { FullArticleRow } from './kb-rows.js';
import { type ArticleText, updateVocabulary } from './word-index.js';

type Change = 'created' | 'edited' | 'state' | 'restored';

/** What an import may set beyond an editor's input: the state and the counters it was exported with. */
export interface ImportedArticle extends ArticleInput {
  key: string;
  state: ArticleState;
}

/**
 * Writing articles: every save is sanitized, checked and kept as a numbered revision (who, when); edits use
 * optimistic concurrency on `version`; the spelling vocabulary follows what is published.
 */
export class ArticleService {
  private reviews: ArticleReviews = noReviews;

  constructor(
    private readonly db: Database,
    private readonly queries: ArticleQueries,
  ) {}

  async create(input: ArticleInput, actor: Actor | null, locale: Locale, em?: Em): Promise<Article> {
    return this.insert({ ...input, state: 'draft' }, actor, locale, em);
  }

  /**
   * Bundles and templates bring articles in their final state, by key: a new key is created in that state, a
   * known one gets the bundle's text and state as a new revision. Runs in the import's transaction.
   */
  async importArticle(input: ImportedArticle, actor: Actor | null, locale: Locale, em: Em): Promise<Article> {
    const [existing] = await this.db.query<FullArticleRow>(
      'select id, state, version, published_at, title, summary, tags, body_text, audience from kb_article where key = ? for update',
      [input.key],
      em,
    );
    if (!existing) return this.insert(input, actor, locale, em);
    const content = await this.content(em, input, locale, existing.id);
    await this.db.query(
      `update kb_article set title = ?, summary = ?, body = ?, body_text = ?, category_id = ?, tags = ?::text[],
       tags_text = ?, audience = ?, related = ?::uuid[], state = ?, version = version + 1, updated_at = now(), updated_by = ?,
       published_at = case when ? = 'published' then coalesce(published_at, now()) else published_at end
       where id = ?`,
      [...contentParams(content), input.state, actor?.name ?? null, input.state, existing.id],
      em,
    );
    await updateVocabulary(
      this.db,
      em,
      searchable(rowText(existing)),
      searchable({ ...content.text, state: input.state, audience: content.audience }),
    );
    await this.snapshot(em, existing.id, 'edited', actor);
    return this.queries.get(existing.id, em);
  }

  async update(id: string, update: ArticleUpdate, actor: Actor | null, locale: Locale): Promise<Article> {
    return this.db.transaction(async (tx) => {
      const current = await this.lock(tx, id, update.version);
      const content = await this.content(tx, update, locale, id);
      await this.db.query(
        `update kb_article set title = ?, summary = ?, body = ?, body_text = ?, category_id = ?, tags = ?::text[],
         tags_text = ?, audience = ?, related = ?::uuid[], version = version + 1, updated_at = now(), updated_by = ?
         where id = ?`,
        [...contentParams(content), actor?.name ?? null, id],
        tx,
      );
      await updateVocabulary(
        this.db,
        tx,
        searchable(rowText(current)),
        searchable({ ...content.text, state: current.state, audience: content.audience }),
      );
      await this.snapshot(tx, id, 'edited', actor);
      return this.queries.get(id, tx);
    });
  }

  /** Puts the review of articles sent to it in place (the review module: a process). */
  useReviews(reviews: ArticleReviews) {
    this.reviews = reviews;
  }

  /**
   * Moves the article along its lifecycle, in `em` when given (a process's step). Sent for review, the article's
   * review starts in the same transaction: a review that cannot start leaves the article where it was. Moved out
   * of review by hand (not `byReview`), its running review has its say first — before the article's row is locked,
   * in the order a review's own step takes the two locks (its instance, then the article).
   */
  async setState(
    id: string,
    version: number,
    state: ArticleState,
    actor: ArticleActor | null,
    em?: Em,
    byReview = false,
  ): Promise<Article> {
    const run = async (tx: Em) => {
      if (!byReview && (await this.stateOf(tx, id)) === 'review') await this.reviews.leaving(tx, id, state);
      const current = await this.lock(tx, id, version);
      if (!canMove(current.state, state)) throw fail.articleTransition(current.state, state);
      await this.db.query(
        `update kb_article set state = ?, version = version + 1, updated_at = now(), updated_by = ?,
         published_at = case when ? = 'published' then now() else published_at end where id = ?`,
        [state, actor?.name ?? null, state, id],
        tx,
      );
      await updateVocabulary(
        this.db,
        tx,
        searchable(rowText(current)),
        searchable({ ...rowText(current), state }),
      );
      await this.snapshot(tx, id, 'state', actor);
      const moved = await this.queries.get(id, tx);
      if (state === 'review') await this.reviews.sent(tx, moved, actor);
      return moved;
    };
    return em ? run(em) : this.db.transaction(run);
  }

  /** Makes an earlier revision's text the current one, as a new revision; the state stays. */
  async restore(id: string, version: number, from: number, actor: Actor | null, locale: Locale) {
    const old = await this.queries.version(id, from);
    return this.update(
      id,
      {
        version,
        title: old.title,
        summary: old.summary,
        body: old.body,
        tags: old.tags,
        categoryId: old.categoryId,
        audience: old.audience,
        related: (await this.queries.get(id)).related.map((r) => r.id),
      },
      actor,
      locale,
    ).then(async (article) => {
      await this.db.query(
        `update kb_article_version set change = 'restored' where article_id = ? and number = ?`,
        [id, article.version],
      );
      return article;
    });
  }

  /** Only an article that was never published disappears; a published one keeps its URL and is archived. */
  async remove(id: string, version: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await this.lock(tx, id, version);
      if (current.published_at !== null) throw fail.articleWasPublished();
      await this.db.query('delete from kb_article where id = ?', [id], tx);
    });
  }

  private async insert(
    input: ImportedArticle | (ArticleInput & { state: ArticleState }),
    actor: Actor | null,
    locale: Locale,
    em?: Em,
  ) {
    const run = async (tx: Em) => {
      const id = randomUUID();
      const key = input.key ?? (await this.freeKey(tx, input.title));
      if (input.key && (await this.db.query('select 1 from kb_article where key = ?', [key], tx)).length)
        throw fail.duplicate(`kb article ${key}`, '/key');
      const content = await this.content(tx, input, locale, id);
      await this.db.query(
        `insert into kb_article (title, summary, body, body_text, category_id, tags, tags_text, audience, related,
           id, key, state, published_at, created_by, updated_by)
         values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?::uuid[], ?, ?, ?, case when ? = 'published' then now() end, ?, ?)`,
        [
          ...contentParams(content),
          id,
          key,
          input.state,
          input.state,
          actor?.name ?? null,
          actor?.name ?? null,
        ],
        tx,
      );
      await updateVocabulary(
        this.db,
        tx,
        null,
        searchable({ ...content.text, state: input.state, audience: content.audience }),
      );
      await this.snapshot(tx, id, 'created', actor);
      return this.queries.get(id, tx);
    };
    return em ? run(em) : this.db.transaction(run);
  }

  /** The stored form of an editor's input: sanitized HTML, its text, clean tags, checked category and links. */
  private async content(tx: Em, input: ArticleInput, locale: Locale, selfId: string): Promise<Content> {
    const body = sanitizeHtml(input.body);
    const tags = normalizeTags(input.tags);
    const related = [...new Set(input.related ?? [])].filter((r) => r !== selfId);
    if (input.categoryId) {
      const found = await this.db.query('select 1 from kb_category where id = ?', [input.categoryId], tx);
      if (!found.length)
        throw fail.validation([{ pointer: '/categoryId', message: input.categoryId, code: 'reference' }]);
    }
    if (related.length) {
      const found = await this.db.query<{ id: string }>(
        'select id from kb_article where id = any(?::uuid[])',
        [toPgArray(related)],
        tx,
      );
      const missing = related.filter((r) => !found.some((f) => f.id === r));
      if (missing.length)
        throw fail.validation(
          missing.map((m) => ({
            pointer: `/related/${related.indexOf(m)}`,
            code: 'reference',
            message: locale === 'en' ? `No article ${m}` : `Нет статьи ${m}`,
          })),
        );
    }
    const text: ArticleText = {
      title: input.title.trim(),
      summary: (input.summary ?? '').trim(),
      tags,
      // What the search index reads: PostgreSQL's tsvector holds no more (see searchTextLimit).
      bodyText: htmlToText(body).slice(0, searchTextLimit),
    };
    return {
      body,
      tags,
      related,
      categoryId: input.categoryId ?? null,
      audience: input.audience ?? 'public',
      text,
    };
  }

  private async freeKey(tx: Em, title: string): Promise<string> {
    // A title of only punctuation makes no key of its own.
    const base = slugFromTitle(title) || 'article';
    const taken = new Set(
      (
        await this.db.query<{ key: string }>(
          'select key from kb_article where key = ? or key like ?',
          [base, `${base}-%`],
          tx,
        )
      ).map((r) => r.key),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  private async stateOf(tx: Em, id: string): Promise<ArticleState | undefined> {
    const [row] = await this.db.query<{ state: ArticleState }>(
      'select state from kb_article where id = ?',
      [id],
      tx,
    );
    return row?.state;
  }

  private async lock(tx: Em, id: string, version: number): Promise<FullArticleRow> {
    const [row] = await this.db.query<FullArticleRow>(
      'select id, state, version, published_at, title, summary, tags, body_text, audience from kb_article where id = ? for update',
      [id],
      tx,
    );
    if (!row) throw fail.notFound(`kb article ${id}`);
    if (row.version !== version) throw fail.versionConflict(version, row.version);
    return row;
  }

  private async snapshot(tx: Em, id: string, change: Change, actor: ArticleActor | null) {
    await this.db.query(
      `insert into kb_article_version (article_id, number, title, summary, body, tags, category_id, audience, state, change, saved_by)
       select id, version, title, summary, body, tags, category_id, audience, state, ?, ? from kb_article where id = ?`,
      [change, actor?.name ?? null, id],
      tx,
    );
  }
}

interface Content {
  body: string;
  tags: string[];
  related: string[];
  categoryId: string | null;
  audience: string;
  text: ArticleText;
}

const contentParams = (c: Content): unknown[] => [
  c.text.title,
  c.text.summary,
  c.body,
  c.text.bodyText,
  c.categoryId,
  toPgArray(c.tags),
  c.tags.join(' '),
  c.audience,
  toPgArray(c.related),
];

/** An article's text with where it stands, which decides whether its words join the spelling vocabulary. */
interface ArticleSnapshot extends ArticleText {
  state: string;
  audience: string;
}

const rowText = (row: FullArticleRow): ArticleSnapshot => ({
  title: row.title,
  summary: row.summary,
  tags: fromPgArray(row.tags),
  bodyText: row.body_text,
  state: row.state,
  audience: row.audience,
});

/** Only published articles outside staff's own count: a spelling fix must never hint at internal texts. */
const searchable = (text: ArticleSnapshot): ArticleText | null =>
  text.state === 'published' && text.audience !== 'staff' ? text : null;
