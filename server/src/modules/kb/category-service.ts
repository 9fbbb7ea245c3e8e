import { randomUUID } from 'node:crypto';
import type { KbCategory, KbCategoryInput, Locale } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import { withDescendants, wouldCycle } from './category-tree.js';
import { audienceParam } from './kb-access.js';
import { type CategoryRow, jsonValue } from './kb-rows.js';

const columns = 'id, key, title, description, parent_id, position';

/** The category tree of the knowledge base. Few rows, so callers get the whole tree and work on it in memory. */
export class CategoryService {
  constructor(private readonly db: Database) {}

  all(em?: Em): Promise<CategoryRow[]> {
    return this.db.query<CategoryRow>(`select ${columns} from kb_category order by position, key`, [], em);
  }

  /** The tree with the number of published articles the caller may read in each category and below. */
  async list(actor: Actor | null): Promise<{ items: KbCategory[] }> {
    const categories = await this.all();
    const counts = await this.db.query<{ category_id: string; n: string | number }>(
      `select category_id, count(*) as n from kb_article
       where state = 'published' and audience = any(?::text[]) and category_id is not null group by category_id`,
      [audienceParam(actor)],
    );
    const own = new Map(counts.map((c) => [c.category_id, Number(c.n)]));
    return {
      items: categories.map((c) => ({
        ...view(c),
        articleCount: withDescendants(categories, c.id).reduce((sum, id) => sum + (own.get(id) ?? 0), 0),
      })),
    };
  }

  async byKey(key: string, em?: Em): Promise<CategoryRow | undefined> {
    return (
      await this.db.query<CategoryRow>(`select ${columns} from kb_category where key = ?`, [key], em)
    )[0];
  }

  async create(input: KbCategoryInput, _actor: Actor | null, locale: Locale, em?: Em): Promise<KbCategory> {
    const run = async (tx: Em) => {
      if (await this.byKey(input.key, tx)) throw fail.duplicate(`kb category ${input.key}`, '/key');
      await this.checkParent(tx, null, input.parentId ?? null, locale);
      const id = randomUUID();
      await this.db.query(
        `insert into kb_category (id, key, title, description, parent_id, position) values (?, ?, ?::jsonb, ?::jsonb, ?, ?)`,
        [
          id,
          input.key,
          JSON.stringify(input.title),
          input.description ? JSON.stringify(input.description) : null,
          input.parentId ?? null,
          input.position ?? (await this.nextPosition(tx, input.parentId ?? null)),
        ],
        tx,
      );
      return this.get(tx, id);
    };
    return em ? run(em) : this.db.transaction(run);
  }

  async update(id: string, input: Omit<KbCategoryInput, 'key'>, locale: Locale): Promise<KbCategory> {
    return this.db.transaction(async (tx) => {
      await this.get(tx, id);
      await this.checkParent(tx, id, input.parentId ?? null, locale);
      await this.db.query(
        `update kb_category set title = ?::jsonb, description = ?::jsonb, parent_id = ?, position = coalesce(?, position),
         updated_at = now() where id = ?`,
        [
          JSON.stringify(input.title),
          input.description ? JSON.stringify(input.description) : null,
          input.parentId ?? null,
          input.position ?? null,
          id,
        ],
        tx,
      );
      return this.get(tx, id);
    });
  }

  /** Refused while anything is filed under the category, so no article loses its place silently. */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.get(tx, id);
      const [use] = await this.db.query<{ articles: string | number; children: string | number }>(
        `select (select count(*) from kb_article where category_id = ?) as articles,
                (select count(*) from kb_category where parent_id = ?) as children`,
        [id, id],
        tx,
      );
      if (Number(use?.articles) || Number(use?.children))
        throw fail.categoryInUse(Number(use?.articles), Number(use?.children));
      await this.db.query('delete from kb_category where id = ?', [id], tx);
    });
  }

  private async get(em: Em, id: string): Promise<KbCategory> {
    const [row] = await this.db.query<CategoryRow>(
      `select ${columns} from kb_category where id = ?`,
      [id],
      em,
    );
    if (!row) throw fail.notFound(`kb category ${id}`);
    return { ...view(row), articleCount: 0 };
  }

  private async checkParent(em: Em, id: string | null, parentId: string | null, locale: Locale) {
    if (parentId === null) return;
    const categories = await this.all(em);
    if (!categories.some((c) => c.id === parentId))
      throw fail.validation([{ pointer: '/parentId', message: parentId, code: 'reference' }]);
    if (id && wouldCycle(categories, id, parentId))
      throw fail.validation([
        {
          pointer: '/parentId',
          code: 'cycle',
          message:
            locale === 'en'
              ? 'A category cannot be moved inside itself'
              : 'Раздел нельзя перенести внутрь самого себя',
        },
      ]);
  }

  private async nextPosition(em: Em, parentId: string | null): Promise<number> {
    const [row] = await this.db.query<{ next: number | string }>(
      'select coalesce(max(position), 0) + 1 as next from kb_category where parent_id is not distinct from ?',
      [parentId],
      em,
    );
    return Number(row?.next ?? 1);
  }
}

const view = (row: CategoryRow): Omit<KbCategory, 'articleCount'> => ({
  id: row.id,
  key: row.key,
  title: jsonValue(row.title),
  description: jsonValue(row.description),
  parentId: row.parent_id,
  position: row.position,
});
