import { Type } from '@sinclair/typebox';
import { Strict } from '../../common-schemas.js';

/** Free text from the page author; the server sanitizes the HTML when the page is saved. */
export const RichTextWidgetConfig = Strict({
  html: Type.String({ maxLength: 100_000 }),
});
