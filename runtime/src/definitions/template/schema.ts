import { type Static, Type } from '@sinclair/typebox';
import { LText, Strict } from '../common-schemas.js';

/** An answer template operators insert into a reply. */
export const TemplateBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  title: LText,
  text: LText,
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
  channels: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 })),
});

export type TemplateBody = Static<typeof TemplateBodySchema>;
