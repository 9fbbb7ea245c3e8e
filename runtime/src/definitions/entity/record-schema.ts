import type { EntityBody, EntityField } from './schema.js';

type JsonSchema = Record<string, unknown>;

const uuid = { type: 'string', format: 'uuid' };
const fileRef = {
  type: 'object',
  required: ['id', 'name', 'size', 'contentType'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 200 },
    name: { type: 'string', maxLength: 500 },
    size: { type: 'integer', minimum: 0 },
    contentType: { type: 'string', maxLength: 200 },
  },
};

const listOf = (items: JsonSchema, many: boolean | undefined): JsonSchema =>
  many ? { type: 'array', items, uniqueItems: true, maxItems: 1000 } : items;

/** The JSON Schema of one field's value (without nullability). */
export function fieldValueSchema(field: EntityField): JsonSchema {
  switch (field.type) {
    case 'string':
      return {
        type: 'string',
        maxLength: field.maxLength ?? 1000,
        ...(field.minLength !== undefined ? { minLength: field.minLength } : {}),
        ...(field.pattern ? { pattern: field.pattern } : {}),
      };
    case 'text':
      return { type: 'string', maxLength: field.maxLength ?? 100000 };
    case 'richtext':
      return { type: 'string', maxLength: 1000000 };
    case 'number':
    case 'money':
      return {
        type: field.type === 'number' && field.integer ? 'integer' : 'number',
        ...(field.min !== undefined ? { minimum: field.min } : {}),
        ...(field.max !== undefined ? { maximum: field.max } : {}),
      };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: field.options.map((o) => o.value) };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 320 };
    case 'phone':
      return { type: 'string', pattern: '^\\+?[0-9 ()\\-]{5,25}$' };
    case 'url':
      return { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2000 };
    case 'file':
      return listOf(fileRef, field.multiple);
    case 'user':
      return listOf(uuid, field.multiple);
    case 'relation':
      return listOf(uuid, field.many);
    case 'table':
      return { type: 'array', maxItems: 10000, items: objectSchema(field.columns, true) };
  }
}

function nullable(schema: JsonSchema): JsonSchema {
  return schema.enum
    ? { ...schema, enum: [...(schema.enum as unknown[]), null], nullable: true }
    : { ...schema, nullable: true };
}

function objectSchema(fields: EntityField[], withRequired: boolean): JsonSchema {
  const required = fields.filter((f) => f.required).map((f) => f.key);
  return {
    type: 'object',
    additionalProperties: false,
    ...(withRequired && required.length ? { required } : {}),
    properties: Object.fromEntries(
      fields.map((f) => {
        const schema = fieldValueSchema(f);
        if (!f.required) return [f.key, nullable(schema)];
        // An empty string is no answer to a required text question.
        return [
          f.key,
          schema.type === 'string' && schema.minLength === undefined ? { ...schema, minLength: 1 } : schema,
        ];
      }),
    ),
  };
}

/** JSON Schema for a record's `data` of this entity: known fields only, required ones present, each of its type. */
export function entityRecordSchema(entity: EntityBody, options: { partial?: boolean } = {}): JsonSchema {
  return objectSchema(entity.fields, !options.partial);
}
