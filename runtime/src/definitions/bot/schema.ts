import { type Static, Type } from '@sinclair/typebox';
import { AnyObject, ElementId, LText, literals, Strict } from '../common-schemas.js';

/** A chat bot: trigger chains of steps. A minimal schema until the bot engine defines its blocks. */
export const BotBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  title: LText,
  triggers: Type.Array(
    Strict({
      id: ElementId,
      on: Strict({
        type: literals(['message', 'keyword', 'button', 'event', 'timeout']),
        match: Type.Optional(Type.String({ maxLength: 1000 })),
      }),
      steps: Type.Array(
        Strict({ id: ElementId, type: Type.String({ minLength: 1, maxLength: 100 }), config: AnyObject }),
        { maxItems: 500 },
      ),
    }),
    { maxItems: 500 },
  ),
});

export type BotBody = Static<typeof BotBodySchema>;
