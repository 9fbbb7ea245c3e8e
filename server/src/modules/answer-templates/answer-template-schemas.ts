import { Type } from '@sinclair/typebox';
import { LocaleSchema } from '../../http/schemas.js';

const LocalizedText = Type.Object({ ru: Type.String(), en: Type.Optional(Type.String()) });

/** The composer's query: words typed after `/`, the dialog's line, the language of the titles ranked. */
export const AnswerTemplateQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    line: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' })),
    locale: Type.Optional(LocaleSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);

/** A published answer template as the composer shows and renders it (variables still in place). */
export const AnswerTemplateSchema = Type.Object({
  key: Type.String(),
  version: Type.Integer(),
  title: LocalizedText,
  text: LocalizedText,
  shortcut: Type.Union([Type.String(), Type.Null()]),
  tags: Type.Array(Type.String()),
  lines: Type.Array(Type.String()),
});
