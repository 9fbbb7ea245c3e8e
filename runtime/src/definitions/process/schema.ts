import { type Static, Type } from '@sinclair/typebox';
import { AnyObject, DefinitionKey, ElementId, LText, Strict } from '../common-schemas.js';

/** A business process: BPMN-like nodes (`ns.name` + typeVersion) and edges. */
export const ProcessBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  title: LText,
  entity: Type.Optional(DefinitionKey),
  nodes: Type.Array(
    Strict({
      id: ElementId,
      type: Type.String({ pattern: '^[a-z]+\\.[a-z-]+$' }),
      typeVersion: Type.Integer({ minimum: 1 }),
      label: Type.Optional(LText),
      config: AnyObject,
      position: Type.Optional(Strict({ x: Type.Number(), y: Type.Number() })),
    }),
    { minItems: 1, maxItems: 2000 },
  ),
  edges: Type.Array(
    Strict({
      id: ElementId,
      from: ElementId,
      to: ElementId,
      port: Type.Optional(Type.String({ maxLength: 64 })),
    }),
    { maxItems: 5000 },
  ),
});

export type ProcessBody = Static<typeof ProcessBodySchema>;
