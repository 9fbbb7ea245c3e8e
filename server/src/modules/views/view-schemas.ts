import { Type } from '@sinclair/typebox';

/** What a saved view remembers of a list: the same parameters the records API takes, plus the columns shown. */
export const ViewStateSchema = Type.Object(
  {
    columns: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100 }),
    filters: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), {
      maxItems: 20,
      description: 'field:op:value, as the records list takes them',
    }),
    sort: Type.Optional(Type.String({ maxLength: 65 })),
    q: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ViewInputSchema = Type.Object(
  {
    entity: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    shared: Type.Optional(
      Type.Boolean({ description: 'Visible to every staff member (only the owner changes it)' }),
    ),
    state: ViewStateSchema,
  },
  { additionalProperties: false },
);

export const ViewUpdateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    shared: Type.Boolean(),
    state: ViewStateSchema,
  },
  { additionalProperties: false },
);

export const SavedViewSchema = Type.Object({
  id: Type.String(),
  entity: Type.String(),
  name: Type.String(),
  shared: Type.Boolean(),
  mine: Type.Boolean(),
  owner: Type.Object({ id: Type.String(), name: Type.String() }),
  state: ViewStateSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
