import { contentKeyPattern, literals } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';

export const ContentKey = Type.String({ pattern: contentKeyPattern });
export const KeyParams = Type.Object({ key: ContentKey }, { additionalProperties: false });
const LText = Type.Object(
  { ru: Type.String({ minLength: 1, maxLength: 500 }), en: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
export const ArticleStateSchema = literals(['draft', 'review', 'published', 'archived']);
export const AudienceSchema = literals(['public', 'clients', 'staff']);

export const CategoryInputSchema = Type.Object(
  {
    key: ContentKey,
    title: LText,
    description: Type.Optional(Nullable(LText)),
    parentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export const CategoryUpdateSchema = Type.Omit(CategoryInputSchema, ['key'], { additionalProperties: false });

export const CategorySchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  title: Type.Unknown(),
  description: Type.Unknown(),
  parentId: Nullable(Type.String()),
  position: Type.Integer(),
  articleCount: Type.Integer(),
});

const articleFields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  summary: Type.Optional(Type.String({ maxLength: 1000 })),
  body: Type.String({ maxLength: 500_000 }),
  categoryId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
  audience: Type.Optional(AudienceSchema),
  related: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 })),
};
export const ArticleInputSchema = Type.Object(
  { key: Type.Optional(ContentKey), ...articleFields },
  { additionalProperties: false },
);
export const ArticleUpdateSchema = Type.Object(
  { version: Type.Integer({ minimum: 1 }), ...articleFields },
  { additionalProperties: false },
);

export const ArticleSummarySchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  state: Type.String(),
  audience: Type.String(),
  categoryId: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  views: Type.Integer(),
  helpful: Type.Integer(),
  notHelpful: Type.Integer(),
  version: Type.Integer(),
  updatedAt: Type.String(),
  updatedBy: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
});
const ArticleLinkSchema = Type.Object({ id: Type.String(), key: Type.String(), title: Type.String() });
export const ArticleSchema = Type.Composite([
  ArticleSummarySchema,
  Type.Object({
    body: Type.String(),
    related: Type.Array(ArticleLinkSchema),
    createdAt: Type.String(),
    createdBy: Nullable(Type.String()),
  }),
]);

export const VersionSummarySchema = Type.Object({
  number: Type.Integer(),
  title: Type.String(),
  state: Type.String(),
  change: Type.String(),
  savedAt: Type.String(),
  savedBy: Nullable(Type.String()),
});
export const VersionSchema = Type.Composite([
  VersionSummarySchema,
  Type.Object({
    summary: Type.String(),
    body: Type.String(),
    tags: Type.Array(Type.String()),
    categoryId: Nullable(Type.String()),
    audience: Type.String(),
  }),
]);

export const RatingSchema = Type.Object({
  id: Type.String(),
  helpful: Type.Boolean(),
  comment: Nullable(Type.String()),
  by: Nullable(Type.String()),
  at: Type.String(),
});

const Parts = Type.Array(Type.Object({ text: Type.String(), match: Type.Boolean() }));
export const SearchResultSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      key: Type.String(),
      title: Parts,
      snippet: Parts,
      summary: Type.String(),
      categoryId: Nullable(Type.String()),
      tags: Type.Array(Type.String()),
      updatedAt: Type.String(),
    }),
  ),
  total: Type.Integer(),
  totalIsEstimate: Type.Boolean(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  correctedQuery: Nullable(Type.String()),
  exactAnswer: Type.Boolean({
    description:
      'False when no article covers the query’s distinctive words: the items are only possibly related',
  }),
});

export const PortalArticleSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  body: Type.String(),
  tags: Type.Array(Type.String()),
  category: Type.Unknown(),
  breadcrumbs: Type.Array(Type.Object({ key: Type.String(), title: Type.Unknown() })),
  related: Type.Array(ArticleLinkSchema),
  views: Type.Integer(),
  helpful: Type.Integer(),
  notHelpful: Type.Integer(),
  updatedAt: Type.String(),
  myRating: Nullable(Type.Boolean()),
});

export const KbFileSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
});
