import { Type } from '@sinclair/typebox';
import { LText, Strict } from '../../common-schemas.js';

/** The knowledge-base sections, each linking to its articles. */
export const CategoriesWidgetConfig = Strict({
  title: Type.Optional(LText),
  showCounts: Type.Optional(Type.Boolean()),
});
