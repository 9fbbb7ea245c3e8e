import { definitionKeyPattern, definitionKinds, literals } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import { Paging } from '../../http/schemas.js';

export const Kind = literals(definitionKinds);
const Status = literals(['draft', 'published', 'archived']);
const Body = Type.Object(
  {},
  { additionalProperties: true, description: 'The definition itself; its schema depends on the kind' },
);
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 2000 });
const DraftVersion = Type.Integer({ minimum: 1 });

export const DefinitionSummarySchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  status: Type.String(),
  draftVersion: Type.Integer(),
  latestVersion: Type.Union([Type.Integer(), Type.Null()]),
  hasUnpublishedChanges: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export const DefinitionSchema = Type.Composite([
  DefinitionSummarySchema,
  Type.Object({ body: Type.Unknown() }),
]);
export const VersionSummarySchema = Type.Object({
  version: Type.Integer(),
  publishedAt: Type.String(),
  publishedBy: Type.Union([Type.String(), Type.Null()]),
});
export const VersionSchema = Type.Composite([
  VersionSummarySchema,
  Type.Object({
    definitionId: Type.String(),
    kind: Type.String(),
    key: Type.String(),
    name: Type.String(),
    body: Type.Unknown(),
  }),
]);

export const ListQuery = Type.Object(
  {
    kind: Type.Optional(Kind),
    status: Type.Optional(Status),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(literals(['name', '-name', 'updatedAt', '-updatedAt'])),
    ...Paging,
  },
  { additionalProperties: false },
);
export const CreateBody = Type.Object(
  {
    kind: Kind,
    key: Type.String({ pattern: definitionKeyPattern }),
    name: Name,
    description: Type.Optional(Description),
    body: Body,
  },
  { additionalProperties: false },
);
export const UpdateBody = Type.Object(
  { name: Name, description: Type.Optional(Description), body: Body, draftVersion: DraftVersion },
  { additionalProperties: false },
);
export const DraftVersionBody = Type.Object({ draftVersion: DraftVersion }, { additionalProperties: false });
export const DraftVersionQuery = Type.Object({ draftVersion: DraftVersion }, { additionalProperties: false });
