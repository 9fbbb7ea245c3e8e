import type {
  Article,
  ArticleQuery,
  ArticleRating,
  ArticleVersion,
  ArticleVersionSummary,
  Page,
} from '@opora/sdk';
import { cappedCount } from '../../db/capped-count.js';
import type { Database, Em } from '../../db/database.js';
import { containsPattern } from '../../db/escape-like.js';
import { fromPgArray, toPgArray } from '../../db/pg-array.js';
import { fail } from '../../http/app-error.js';
import type { CategoryService } from './category-service.js';
import { withDescendants } from './category-tree.js';
import { type ArticleRow, type FullArticleRow, iso, summaryColumns, summaryView } from './kb-rows.js';

const sorts: Record<NonNullable<ArticleQuery['sort']>, string> = {
  updatedAt: 'a.updated_at asc',
  '-updatedAt': 'a.updated_at desc',
  title: 'a.title asc',
  '-title': 'a.title desc',
  views: 'a.views asc',
  '-views': 'a.views desc',
};

/** Reading articles as editors do: every state, filters, revisions, ratings. */
export class ArticleQueries {
  constructor(
    private readonly db: Database,
    private readonly categories: CategoryService,
  ) {}

  async list(query: ArticleQuery): Promise<Page<ReturnType<typeof summaryView>>> {
    const where: string[] = ['true'];
    const params: unknown[] = [];
    const q = query.q?.trim().slice(0, 500);
    if (q) {
      where.push(`(a.search_vec @@ websearch_to_tsquery('russian', ?) or a.title ilike ? or a.key ilike ?)`);
      params.push(q, containsPattern(q), containsPattern(q));
    }
    if (query.state) where.push('a.state = ?') && params.push(query.state);
    if (query.audience) where.push('a.audience = ?') && params.push(query.audience);
    if (query.tag) where.push('a.tags @> array[?]::text[]') && params.push(query.tag.trim().toLowerCase());
    if (query.category) {
      const all = await this.categories.all();
      const category = all.find((c) => c.key === query.category || c.id === query.category);
      where.push('a.category_id = any(?::uuid[])');
      params.push(toPgArray(category ? withDescendants(all, category.id) : []));
    }
    const order = sorts[query.sort ?? '-updatedAt'];
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const fromWhere = `from kb_article a where ${where.join(' and ')}`;
    const [rows, counted] = await Promise.all([
      this.db.query<ArticleRow>(
        `select ${summaryColumns} ${fromWhere} order by ${order}, a.id limit ? offset ?`,
        [...params, limit, offset],
      ),
      cappedCount(this.db, fromWhere, params),
    ]);
    return { items: rows.map(summaryView), ...counted, limit, offset };
  }

  async get(id: string, em?: Em): Promise<Article> {
    const [row] = await this.db.query<FullArticleRow>(
      `select ${summaryColumns}, a.body, a.body_text, a.related, a.created_at, a.created_by from kb_article a where a.id = ?`,
      [id],
      em,
    );
    if (!row) throw fail.notFound(`kb article ${id}`);
    return this.full(row, em);
  }

  async full(row: FullArticleRow, em?: Em): Promise<Article> {
    const ids = fromPgArray(row.related);
    const related = ids.length
      ? await this.db.query<{ id: string; key: string; title: string }>(
          'select id, key, title from kb_article where id = any(?::uuid[])',
          [toPgArray(ids)],
          em,
        )
      : [];
    return {
      ...summaryView(row),
      body: row.body,
      related: ids.flatMap((id) => related.filter((r) => r.id === id)),
      createdAt: iso(row.created_at)!,
      createdBy: row.created_by,
    };
  }

  async versions(id: string): Promise<{ items: ArticleVersionSummary[] }> {
    await this.get(id);
    const rows = await this.db.query<VersionRow>(
      `select number, title, state, change, saved_at, saved_by from kb_article_version where article_id = ? order by number desc`,
      [id],
    );
    return { items: rows.map(versionSummary) };
  }

  async version(id: string, number: number): Promise<ArticleVersion> {
    const [row] = await this.db.query<
      VersionRow & {
        summary: string;
        body: string;
        tags: string[];
        category_id: string | null;
        audience: string;
      }
    >('select * from kb_article_version where article_id = ? and number = ?', [id, number]);
    if (!row) throw fail.notFound(`kb article ${id} v${number}`);
    return {
      ...versionSummary(row),
      summary: row.summary,
      body: row.body,
      tags: fromPgArray(row.tags),
      categoryId: row.category_id,
      audience: row.audience as ArticleVersion['audience'],
    };
  }

  async ratings(id: string, limit: number, offset: number): Promise<Page<ArticleRating>> {
    await this.get(id);
    const [rows, counted] = await Promise.all([
      this.db.query<RatingRow>(
        `select r.id, r.helpful, r.comment, r.updated_at, u.name
         from kb_rating r left join app_user u on u.id = r.user_id where r.article_id = ?
         order by r.updated_at desc, r.id limit ? offset ?`,
        [id, limit, offset],
      ),
      cappedCount(this.db, 'from kb_rating r where r.article_id = ?', [id]),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        helpful: r.helpful,
        comment: r.comment,
        by: r.name,
        at: iso(r.updated_at)!,
      })),
      ...counted,
      limit,
      offset,
    };
  }
}

interface VersionRow {
  number: number;
  title: string;
  state: ArticleVersion['state'];
  change: ArticleVersion['change'];
  saved_at: Date | string;
  saved_by: string | null;
}

interface RatingRow {
  id: string;
  helpful: boolean;
  comment: string | null;
  updated_at: Date | string;
  name: string | null;
}

const versionSummary = (row: VersionRow): ArticleVersionSummary => ({
  number: row.number,
  title: row.title,
  state: row.state,
  change: row.change,
  savedAt: iso(row.saved_at)!,
  savedBy: row.saved_by,
});
