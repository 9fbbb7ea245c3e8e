import { definitionKeyPattern, secretNamePattern } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';

/** Header names as the integration caller accepts them. */
const headerName = '^[A-Za-z0-9-]{1,100}$';
const SecretRef = Type.Object(
  { $secret: Type.String({ pattern: secretNamePattern }) },
  { additionalProperties: false },
);
const HeaderPart = Type.Union([Type.String({ maxLength: 8192 }), Type.Number(), SecretRef]);

/**
 * One call to an integration as a script describes it (`ctx.http.fetch(integration, path, init)`): the limits
 * the integration caller works within, checked before anything is resolved or sent. The body's size is bounded
 * by the SDK's cap on one call's arguments.
 */
export const IntegrationCallTarget = Type.Object(
  {
    integration: Type.String({ pattern: definitionKeyPattern }),
    path: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const IntegrationCallInit = Type.Object(
  {
    method: Type.Optional(
      Type.Union(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'].map((m) => Type.Literal(m))),
    ),
    headers: Type.Optional(
      Type.Record(
        Type.String({ pattern: headerName }),
        Type.Union([HeaderPart, Type.Array(HeaderPart, { maxItems: 20 })]),
        // A record keyed by a pattern lets other names through unless told otherwise.
        { maxProperties: 50, additionalProperties: false },
      ),
    ),
    query: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 200 }),
        Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean()]),
        { maxProperties: 100 },
      ),
    ),
    body: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);
