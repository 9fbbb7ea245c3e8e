import type { BundleKnowledgeBase } from '@opora/runtime/definitions';
import type { Locale } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';
import { fromPgArray, toPgArray } from '../../db/pg-array.js';
import type { Actor } from '../auth/actor.js';
import { type CategoryRow, jsonValue } from './kb-rows.js';
import type { KnowledgeBase } from './knowledge-base.js';

export interface KnowledgeBaseReport {
  categories: number;
  articles: number;
  synonyms: number;
}

/**
 * Brings a bundle's knowledge base in, inside the import's transaction: categories by key (parents first),
 * articles by key in their state (a known key gets a new revision), then the links between articles, then the
 * synonyms list (replaced when the bundle has one).
 */
export async function importKnowledgeBase(
  db: Database,
  kb: KnowledgeBase,
  content: BundleKnowledgeBase,
  actor: Actor | null,
  locale: Locale,
  em: Em,
): Promise<KnowledgeBaseReport> {
  const categoryIds = new Map<string, string>();
  for (const category of parentsFirst(content.categories)) {
    const input = {
      title: category.title,
      description: category.description ?? null,
      parentId: category.parent ? (categoryIds.get(category.parent) ?? null) : null,
      ...(category.position !== undefined ? { position: category.position } : {}),
    };
    const existing = await kb.categories.byKey(category.key, em);
    if (existing)
      await db.query(
        `update kb_category set title = ?::jsonb, description = ?::jsonb, parent_id = ?, position = coalesce(?, position) where id = ?`,
        [
          JSON.stringify(input.title),
          input.description ? JSON.stringify(input.description) : null,
          input.parentId,
          category.position ?? null,
          existing.id,
        ],
        em,
      );
    const id =
      existing?.id ?? (await kb.categories.create({ key: category.key, ...input }, actor, locale, em)).id;
    categoryIds.set(category.key, id);
  }
  const articleIds = new Map<string, string>();
  for (const article of content.articles) {
    const saved = await kb.articles.importArticle(
      {
        key: article.key,
        title: article.title,
        summary: article.summary ?? '',
        body: article.body,
        categoryId: article.category ? (categoryIds.get(article.category) ?? null) : null,
        tags: article.tags ?? [],
        audience: article.audience ?? 'public',
        state: article.state ?? 'draft',
        related: [],
      },
      actor,
      locale,
      em,
    );
    articleIds.set(article.key, saved.id);
  }
  for (const article of content.articles)
    if (article.related?.length)
      await db.query(
        'update kb_article set related = ?::uuid[] where key = ?',
        [toPgArray(article.related.flatMap((key) => articleIds.get(key) ?? [])), article.key],
        em,
      );
  if (content.synonyms) await kb.synonyms.save(content.synonyms, locale, em);
  return {
    categories: content.categories.length,
    articles: content.articles.length,
    synonyms: content.synonyms?.length ?? 0,
  };
}

/** The whole knowledge base as a bundle section (archived articles included: their URLs are kept). */
export async function exportKnowledgeBase(db: Database, kb: KnowledgeBase): Promise<BundleKnowledgeBase> {
  const categories = await kb.categories.all();
  const keyOf = new Map(categories.map((c) => [c.id, c.key]));
  const articles = await db.query<{
    id: string;
    key: string;
    title: string;
    summary: string;
    body: string;
    category_id: string | null;
    tags: unknown;
    audience: 'public' | 'clients' | 'staff';
    state: 'draft' | 'review' | 'published' | 'archived';
    related: unknown;
  }>(
    'select id, key, title, summary, body, category_id, tags, audience, state, related from kb_article order by key',
  );
  const articleKey = new Map(articles.map((a) => [a.id, a.key]));
  const synonyms = (await kb.synonyms.list()).items.map((g) => g.terms);
  return {
    categories: categories.map((c: CategoryRow) => ({
      key: c.key,
      title: jsonValue(c.title),
      ...(c.description ? { description: jsonValue(c.description) } : {}),
      parent: c.parent_id ? (keyOf.get(c.parent_id) ?? null) : null,
      position: c.position,
    })),
    articles: articles.map((a) => ({
      key: a.key,
      title: a.title,
      summary: a.summary,
      body: a.body,
      category: a.category_id ? (keyOf.get(a.category_id) ?? null) : null,
      tags: fromPgArray(a.tags),
      audience: a.audience,
      state: a.state,
      related: fromPgArray(a.related).flatMap((id) => articleKey.get(id) ?? []),
    })),
    synonyms,
  };
}

function parentsFirst<T extends { key: string; parent?: string | null }>(items: readonly T[]): T[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const ordered: T[] = [];
  const visit = (item: T, seen: Set<string>) => {
    if (ordered.includes(item) || seen.has(item.key)) return;
    seen.add(item.key);
    const parent = item.parent ? byKey.get(item.parent) : undefined;
    if (parent) visit(parent, seen);
    ordered.push(item);
  };
  for (const item of items) visit(item, new Set());
  return ordered;
}
