import { Type } from '@sinclair/typebox';
import { LText, Strict } from '../../common-schemas.js';
import { ArticleCount, CategoryKey } from './shared.js';

/** The most read articles, optionally of one category (and its subcategories). */
export const PopularArticlesWidgetConfig = Strict({
  title: Type.Optional(LText),
  count: Type.Optional(ArticleCount),
  category: Type.Optional(CategoryKey),
});
