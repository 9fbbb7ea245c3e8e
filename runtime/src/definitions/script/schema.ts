import { type Static, Type } from '@sinclair/typebox';
import { AnyObject, DefinitionKey, Strict } from '../common-schemas.js';

/** A sandboxed TypeScript script: source, input/output schemas, integrations it may call, per-run limits. */
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

export type ScriptBody = Static<typeof ScriptBodySchema>;
