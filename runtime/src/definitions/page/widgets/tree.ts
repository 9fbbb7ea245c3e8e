import { Type } from '@sinclair/typebox';
import { DefinitionKey, LText, Strict } from '../../common-schemas.js';

/** The interactive helper: walks a published question tree in place. */
export const TreeWidgetConfig = Strict({
  tree: DefinitionKey,
  title: Type.Optional(LText),
});
