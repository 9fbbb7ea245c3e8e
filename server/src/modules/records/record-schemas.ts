import { type TSchema, Type } from '@sinclair/typebox';
import { Paging, Uuid } from '../../http/schemas.js';

/**
 * The records API's parameters and bodies, in one place: the HTTP routes (record-routes.ts) and the script SDK
 * (ctx.records, see scripts/sdk-arguments.ts) validate against these same schemas, so a script can never pass
 * what the API would refuse (a 100 KB search, a page of a billion rows, a thousand filters).
 */
export const Entity = Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' });
export const EntityParams = Type.Object({ entity: Entity }, { additionalProperties: false });
export const RecordParams = Type.Object({ entity: Entity, id: Uuid }, { additionalProperties: false });
export const Data = Type.Object(
  {},
  { additionalProperties: true, description: 'Field values; validated against the published entity' },
);
/** A record's version; bounded by the database's integer, so a larger one is a 400, not a failed statement. */
export const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const RecordListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 500 })),
    filter: Type.Optional(
      Type.Array(Type.String({ maxLength: 500 }), {
        maxItems: 20,
        description: 'field:op:value (eq, ne, lt, lte, gt, gte, contains, in, empty)',
      }),
    ),
    sort: Type.Optional(Type.String({ maxLength: 64, description: 'field or -field' })),
    ...Paging,
    after: Type.Optional(
      Type.String({ maxLength: 20_000, description: "A page's nextCursor: the records after that page" }),
    ),
    before: Type.Optional(
      Type.String({ maxLength: 20_000, description: "A page's prevCursor: the records before that page" }),
    ),
  },
  { additionalProperties: false },
);

/** A page of records: the total is exact up to 10,000 (then capped), cursors lead to the neighbouring pages. */
export const RecordPageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'Exact up to 10,000; beyond, 10,000 with totalCapped' }),
    totalCapped: Type.Boolean({ description: 'More records match than total says' }),
    limit: Type.Integer(),
    offset: Type.Integer(),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as after; null on the last page',
    }),
    prevCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as before; null on the first page',
    }),
  });
export const RecordCreateBody = Type.Object({ data: Data }, { additionalProperties: false });
export const RecordUpdateBody = Type.Object(
  { version: Version, data: Data },
  { additionalProperties: false },
);
export const RecordDeleteQuery = Type.Object({ version: Version }, { additionalProperties: false });

export const RecordSchema = Type.Object({
  id: Type.String(),
  entity: Type.String(),
  number: Type.Integer(),
  entityVersion: Type.Integer(),
  title: Type.String(),
  data: Type.Unknown(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
