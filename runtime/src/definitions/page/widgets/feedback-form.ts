import { Type } from '@sinclair/typebox';
import { DefinitionKey, LText, Strict } from '../../common-schemas.js';

/** A designed portal form (ФОС) that creates a request; the visitor gets the request number. */
export const FeedbackFormWidgetConfig = Strict({
  form: DefinitionKey,
  title: Type.Optional(LText),
  intro: Type.Optional(LText),
});
