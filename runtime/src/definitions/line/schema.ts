import { type Static, Type } from '@sinclair/typebox';
import { LText, Strict } from '../common-schemas.js';

/** A line: which channel's conversations go to which queue. A minimal schema until lines are designed. */
export const LineBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  title: LText,
  channel: Type.Union(
    ['chat', 'email', 'telegram', 'vk', 'whatsapp', 'viber', 'webhook', 'phone', 'portal'].map((c) =>
      Type.Literal(c),
    ),
  ),
  queue: Type.String({ minLength: 1, maxLength: 100 }),
  botOnly: Type.Optional(Type.Boolean()),
});

export type LineBody = Static<typeof LineBodySchema>;
