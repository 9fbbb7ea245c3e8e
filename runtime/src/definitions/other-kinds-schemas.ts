import { type Static, Type } from '@sinclair/typebox';
import { AnyObject, DefinitionKey, ElementId, LText, literals, Strict } from './common-schemas.js';

// Minimal but real schemas; the capabilities that execute these kinds extend them (trees and pages have their own files).

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

export const ScriptBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  language: Type.Literal('typescript'),
  source: Type.String({ maxLength: 200000 }),
  inputSchema: Type.Optional(AnyObject),
  outputSchema: Type.Optional(AnyObject),
  integrations: Type.Optional(Type.Array(DefinitionKey, { maxItems: 50 })),
  limits: Type.Optional(
    Strict({
      memoryMb: Type.Optional(Type.Integer({ minimum: 8, maximum: 512 })),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 60000 })),
      cpuMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 30000 })),
      maxOutputBytes: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 * 1024 * 1024 })),
      maxLogBytes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1024 * 1024 })),
      maxSdkCalls: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    }),
  ),
});

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

export const TemplateBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  title: LText,
  text: LText,
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
  channels: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 })),
});

export type BotBody = Static<typeof BotBodySchema>;
export type ProcessBody = Static<typeof ProcessBodySchema>;
export type ScriptBody = Static<typeof ScriptBodySchema>;
export type LineBody = Static<typeof LineBodySchema>;
export type TemplateBody = Static<typeof TemplateBodySchema>;
