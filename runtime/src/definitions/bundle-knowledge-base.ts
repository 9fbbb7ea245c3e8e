import { type Static, Type } from '@sinclair/typebox';
import { LText, literals, Strict } from './common-schemas.js';
import { type Locale, type Problem, pick } from './kinds.js';
import { contentKeyPattern } from './slug.js';

const ContentKey = Type.String({ pattern: contentKeyPattern });

/** Knowledge-base content a bundle carries: categories and articles by key (so trees can name them), synonyms. */
export const BundleKnowledgeBaseSchema = Strict({
  categories: Type.Array(
    Strict({
      key: ContentKey,
      title: LText,
      description: Type.Optional(LText),
      parent: Type.Optional(Type.Union([ContentKey, Type.Null()])),
      position: Type.Optional(Type.Integer({ minimum: 0 })),
    }),
    { maxItems: 1000 },
  ),
  articles: Type.Array(
    Strict({
      key: ContentKey,
      title: Type.String({ minLength: 1, maxLength: 300 }),
      summary: Type.Optional(Type.String({ maxLength: 1000 })),
      body: Type.String({ maxLength: 500_000 }),
      category: Type.Optional(Type.Union([ContentKey, Type.Null()])),
      tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
      audience: Type.Optional(literals(['public', 'clients', 'staff'])),
      state: Type.Optional(literals(['draft', 'review', 'published', 'archived'])),
      related: Type.Optional(Type.Array(ContentKey, { maxItems: 20 })),
    }),
    { maxItems: 200_000 },
  ),
  synonyms: Type.Optional(
    Type.Array(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 2, maxItems: 20 }), {
      maxItems: 1000,
    }),
  ),
});

export type BundleKnowledgeBase = Static<typeof BundleKnowledgeBaseSchema>;
export type BundleArticle = BundleKnowledgeBase['articles'][number];
export type BundleCategory = BundleKnowledgeBase['categories'][number];

/** Keys unique, and every category parent, article category and related article found in the bundle. */
export function knowledgeBaseProblems(kb: BundleKnowledgeBase, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const at = '/knowledgeBase';
  const categories = new Set<string>();
  kb.categories.forEach((c, i) => {
    if (categories.has(c.key)) problems.push(repeated(`${at}/categories/${i}/key`, c.key, locale));
    categories.add(c.key);
  });
  kb.categories.forEach((c, i) => {
    if (c.parent && !categories.has(c.parent))
      problems.push(missing(`${at}/categories/${i}/parent`, c.parent, locale));
  });
  const articles = new Set<string>();
  kb.articles.forEach((a, i) => {
    if (articles.has(a.key)) problems.push(repeated(`${at}/articles/${i}/key`, a.key, locale));
    articles.add(a.key);
  });
  kb.articles.forEach((a, i) => {
    if (a.category && !categories.has(a.category))
      problems.push(missing(`${at}/articles/${i}/category`, a.category, locale));
    (a.related ?? []).forEach((r, j) => {
      if (!articles.has(r)) problems.push(missing(`${at}/articles/${i}/related/${j}`, r, locale));
    });
  });
  return problems;
}

const repeated = (pointer: string, key: string, locale: Locale): Problem => ({
  pointer,
  code: 'duplicate',
  message: pick(locale, `«${key}» встречается дважды`, `"${key}" appears twice`),
});
const missing = (pointer: string, key: string, locale: Locale): Problem => ({
  pointer,
  code: 'reference',
  message: pick(locale, `«${key}» нет в пакете`, `"${key}" is not in the bundle`),
});
