import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, Strict } from '../../definitions/common-schemas.js';

const Template = Type.String({ maxLength: 10_000 });
const VariableName = Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' });

/**
 * The no-code HTTP step: a call to an integration with `{{variable}}` templates in the path, query, headers and
 * body (`{{secret:name}}` puts a secret in a header or the body, never anywhere readable), and a mapping of
 * response parts (JSON pointers into the parsed body) to variables.
 */
export const HttpStepConfigSchema = Strict({
  integration: DefinitionKey,
  method: Type.Union(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => Type.Literal(m))),
  path: Template,
  query: Type.Optional(Type.Record(Type.String({ maxLength: 200 }), Template)),
  headers: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9-]{1,100}$' }), Template)),
  /** A JSON body template: strings inside may hold templates; omitted for GET/DELETE. */
  body: Type.Optional(Type.Unknown()),
  response: Type.Optional(
    Type.Array(Strict({ variable: VariableName, pointer: Type.String({ pattern: '^(/[^/]*)*$' }) }), {
      maxItems: 100,
    }),
  ),
  /** Variable that receives the HTTP status (optional). */
  statusVariable: Type.Optional(VariableName),
});

export type HttpStepConfig = Static<typeof HttpStepConfigSchema>;
