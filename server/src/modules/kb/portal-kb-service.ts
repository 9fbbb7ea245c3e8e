import { randomUUID } from 'node:crypto';
import type { ArticleSummary, Page, PortalArticle, PortalArticleQuery } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { fromPgArray, toPgArray } from '../../db/pg-array.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { CategoryService } from './category-service.js';
import { pathTo, withDescendants } from './category-tree.js';
import { audienceParam } from './kb-access.js';
import {
  type ArticleRow,
  type FullArticleRow,
  iso,
  jsonValue,
  popularityOf,
  summaryColumns,
  summaryView,
} from './kb-rows.js';

/** The knowledge base as portal visitors see it: published articles of their audience, views and ratings. */
export class PortalKbService {
  constructor(
    private readonly db: Database,
    private readonly categories: CategoryService,
  ) {}

  async list(query: PortalArticleQuery, actor: Actor | null): Promise<Page<ArticleSummary>> {
    const where = [`a.state = 'published'`, 'a.audience = any(?::text[])'];
    const params: unknown[] = [audienceParam(actor)];
    if (query.category) {
      const all = await this.categories.all();
      const category = all.find((c) => c.key === query.category);
      if (!category) throw fail.notFound(`kb category ${query.category}`);
      where.push('a.category_id = any(?::uuid[])');
      params.push(toPgArray(withDescendants(all, category.id)));
    }
    if (query.tag) where.push('a.tags @> array[?]::text[]') && params.push(query.tag.trim().toLowerCase());
    const order = query.sort === 'recent' ? 'a.published_at desc nulls last' : 'a.popularity desc';
    const limit = query.limit ?? 10;
    const offset = query.offset ?? 0;
    const rows = await this.db.query<ArticleRow & { total: string | number }>(
      `select ${summaryColumns}, count(*) over () as total from kb_article a where ${where.join(' and ')}
       order by ${order}, a.id limit ? offset ?`,
      [...params, limit, offset],
    );
    return { items: rows.map(summaryView), total: Number(rows[0]?.total ?? 0), limit, offset };
  }

  async article(key: string, actor: Actor | null, visitor: string | null): Promise<PortalArticle> {
    const row = await this.visible(key, actor);
    const categories = await this.categories.all();
    const breadcrumbs = pathTo(categories, row.category_id).map((c) => ({
      key: c.key,
      title: jsonValue<{ ru: string; en?: string }>(c.title),
    }));
    const ids = fromPgArray(row.related);
    const related = ids.length
      ? await this.db.query<{ id: string; key: string; title: string }>(
          `select id, key, title from kb_article where id = any(?::uuid[]) and state = 'published' and audience = any(?::text[])`,
          [toPgArray(ids), audienceParam(actor)],
        )
      : [];
    const [mine] = visitor
      ? await this.db.query<{ helpful: boolean }>(
          'select helpful from kb_rating where article_id = ? and visitor = ?',
          [row.id, visitor],
        )
      : [];
    return {
      id: row.id,
      key: row.key,
      title: row.title,
      summary: row.summary,
      body: row.body,
      tags: fromPgArray(row.tags),
      category: breadcrumbs.at(-1) ?? null,
      breadcrumbs,
      related: ids.flatMap((id) => related.filter((r) => r.id === id)),
      views: Number(row.views),
      helpful: row.helpful,
      notHelpful: row.not_helpful,
      updatedAt: iso(row.updated_at)!,
      myRating: mine ? mine.helpful : null,
    };
  }

  async recordView(key: string, actor: Actor | null): Promise<void> {
    const rows = await this.db.query(
      // SET expressions see the row before the update, hence views + 1 inside the popularity.
      `update kb_article set views = views + 1, popularity = ${popularityOf('views + 1', 'helpful', 'not_helpful')}
       where key = ? and state = 'published' and audience = any(?::text[]) returning id`,
      [key, audienceParam(actor)],
    );
    if (!rows.length) throw fail.notFound(`kb article ${key}`);
  }

  /** One answer per visitor and article: a second one replaces the first; the counters follow in the same transaction. */
  async rate(
    key: string,
    input: { helpful: boolean; comment?: string },
    actor: Actor | null,
    visitor: string,
  ): Promise<{ helpful: number; notHelpful: number }> {
    const row = await this.visible(key, actor);
    return this.db.transaction(async (tx) => {
      await this.db.query(
        `insert into kb_rating (id, article_id, visitor, user_id, helpful, comment) values (?, ?, ?, ?, ?, ?)
         on conflict (article_id, visitor) do update set helpful = excluded.helpful,
           comment = coalesce(excluded.comment, kb_rating.comment), updated_at = now()`,
        [randomUUID(), row.id, visitor, actor?.id ?? null, input.helpful, input.comment?.trim() || null],
        tx,
      );
      const [counts] = await this.db.query<{ helpful: number; not_helpful: number }>(
        `update kb_article a set helpful = c.yes, not_helpful = c.no,
           popularity = ${popularityOf('a.views', 'c.yes', 'c.no')}
         from (select count(*) filter (where helpful)::int as yes, count(*) filter (where not helpful)::int as no
               from kb_rating where article_id = ?) c
         where a.id = ? returning a.helpful, a.not_helpful`,
        [row.id, row.id],
        tx,
      );
      return { helpful: counts!.helpful, notHelpful: counts!.not_helpful };
    });
  }

  /** Published articles the caller may read, by key; the same 404 whether missing, unpublished or not theirs. */
  async visible(key: string, actor: Actor | null): Promise<FullArticleRow> {
    const [row] = await this.db.query<FullArticleRow>(
      `select ${summaryColumns}, a.body, a.body_text, a.related, a.created_at, a.created_by from kb_article a
       where a.key = ? and a.state = 'published' and a.audience = any(?::text[])`,
      [key, audienceParam(actor)],
    );
    if (!row) throw fail.notFound(`kb article ${key}`);
    return row;
  }
}
