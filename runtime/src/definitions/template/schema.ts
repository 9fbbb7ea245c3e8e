import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, LText, Strict } from '../common-schemas.js';

/**
 * An answer template operators insert into a reply, found in the composer by typing `/` and its shortcut.
 * The text may name values of the dialog as `{{name}}` (spaces inside allowed), one of a fixed set:
 * `{{client.name}}` and `{{client.firstName}}` (the client as the channel knows them), `{{operator.name}}` and
 * `{{operator.firstName}}` (the operator sending), `{{company.name}}` (the portal's name). A value the dialog lacks
 * is replaced by a polite stand-in («уважаемый клиент»); an unknown name or a stray `{{`/`}}` is refused at publish.
 */
export const TemplateBodySchema = Strict({
  schemaVersion: Type.Literal(2),
  title: LText,
  text: LText,
  /** One word typed after `/` in the composer (`/привет`): letters, digits, `-` and `_`. */
  shortcut: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: '^[\\p{L}\\p{N}_-]+$' })),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
  /** Lines the template is offered on; empty: every line. */
  lines: Type.Array(DefinitionKey, { maxItems: 50 }),
  channels: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 })),
});

export type TemplateBody = Static<typeof TemplateBodySchema>;
