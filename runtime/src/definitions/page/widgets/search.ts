import { Type } from '@sinclair/typebox';
import { LText, Strict } from '../../common-schemas.js';

/** A knowledge-base search box with suggestions as you type. */
export const SearchWidgetConfig = Strict({
  title: Type.Optional(LText),
  placeholder: Type.Optional(LText),
});
