import { Type } from '@sinclair/typebox';
import { LText, Strict } from '../../common-schemas.js';
import { ArticleCount, TagName } from './shared.js';

/** The latest articles carrying a tag, e.g. «новое» or «оплата». */
export const ArticlesByTagWidgetConfig = Strict({
  title: Type.Optional(LText),
  tag: TagName,
  count: Type.Optional(ArticleCount),
});
