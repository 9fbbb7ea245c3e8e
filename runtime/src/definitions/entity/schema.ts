import { type Static, Type } from '@sinclair/typebox';
import { Color, DefinitionKey, LText, Strict } from '../common-schemas.js';
import { EntityAccessSchema } from './access.js';

const FieldKey = Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,62}$' });

const base = {
  key: FieldKey,
  label: LText,
  help: Type.Optional(LText),
  required: Type.Optional(Type.Boolean()),
  unique: Type.Optional(Type.Boolean()),
  readOnly: Type.Optional(Type.Boolean()),
  default: Type.Optional(Type.Unknown()),
  /** Work-screen lists sort and filter by it often: publishing builds an index on it (and drops it when unset). */
  indexed: Type.Optional(Type.Boolean()),
};

const Limits = { min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) };

const scalarFields = [
  Strict({
    ...base,
    type: Type.Literal('string'),
    minLength: Type.Optional(Type.Integer({ minimum: 0 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pattern: Type.Optional(Type.String({ maxLength: 500 })),
  }),
  Strict({
    ...base,
    type: Type.Literal('text'),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000000 })),
  }),
  Strict({ ...base, type: Type.Literal('richtext') }),
  Strict({ ...base, type: Type.Literal('number'), ...Limits, integer: Type.Optional(Type.Boolean()) }),
  Strict({
    ...base,
    type: Type.Literal('money'),
    ...Limits,
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  }),
  Strict({ ...base, type: Type.Literal('date') }),
  Strict({ ...base, type: Type.Literal('datetime') }),
  Strict({ ...base, type: Type.Literal('boolean') }),
  Strict({
    ...base,
    type: Type.Literal('enum'),
    options: Type.Array(
      Strict({
        value: Type.String({ minLength: 1, maxLength: 100 }),
        label: LText,
        color: Type.Optional(Color),
      }),
      { minItems: 1, maxItems: 500 },
    ),
    transitions: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))),
  }),
  Strict({ ...base, type: Type.Literal('email') }),
  Strict({ ...base, type: Type.Literal('phone') }),
  Strict({ ...base, type: Type.Literal('url') }),
  Strict({
    ...base,
    type: Type.Literal('file'),
    multiple: Type.Optional(Type.Boolean()),
    maxSizeMb: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 2048 })),
    accept: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
  }),
  Strict({ ...base, type: Type.Literal('user'), multiple: Type.Optional(Type.Boolean()) }),
];

export const ScalarField = Type.Union(scalarFields);

/** A field of a data type; `type` decides which options are allowed. */
export const EntityFieldSchema = Type.Union([
  ...scalarFields,
  Strict({
    ...base,
    type: Type.Literal('relation'),
    entity: DefinitionKey,
    many: Type.Optional(Type.Boolean()),
  }),
  Strict({
    ...base,
    type: Type.Literal('table'),
    columns: Type.Array(ScalarField, { minItems: 1, maxItems: 50 }),
  }),
]);

/**
 * What one publish does to existing records of a field whose change would leave them invalid (see
 * entity-migration.ts): `set` fills records without a value (a new or newly required field) and stands in for
 * values that cannot be converted; `convert` brings values to the field's new type and limits; `map` replaces
 * removed enum options; `drop` deletes the values of a removed field. A rule acts only on the change it covers,
 * so publishing the same body again changes nothing.
 */
export const MigrationRuleSchema = Strict({
  field: FieldKey,
  set: Type.Optional(Type.Unknown()),
  convert: Type.Optional(Type.Boolean()),
  map: Type.Optional(
    Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.Union([Type.String(), Type.Null()])),
  ),
  drop: Type.Optional(Type.Boolean()),
});

export const EntityBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  label: LText,
  pluralLabel: Type.Optional(LText),
  description: Type.Optional(LText),
  titleField: Type.Optional(FieldKey),
  fields: Type.Array(EntityFieldSchema, { minItems: 1, maxItems: 1000 }),
  migrate: Type.Optional(Type.Array(MigrationRuleSchema, { maxItems: 1000 })),
  /** Who may read and change records of the type; absent, `defaultEntityAccess` (staff all, clients their own). */
  access: Type.Optional(EntityAccessSchema),
});

export type EntityBody = Static<typeof EntityBodySchema>;
export type EntityField = Static<typeof EntityFieldSchema>;
export type FieldType = EntityField['type'];
export type MigrationRule = Static<typeof MigrationRuleSchema>;
