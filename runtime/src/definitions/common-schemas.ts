import { type TLiteral, type TSchema, type TUnion, Type } from '@sinclair/typebox';
import { definitionKeyPattern } from './kinds.js';

/** Text in Russian (required) and optionally English. */
export const LText = Type.Object(
  { ru: Type.String({ minLength: 1, maxLength: 2000 }), en: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const DefinitionKey = Type.String({ pattern: definitionKeyPattern });
export const ElementId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
export const Color = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });
export const AnyObject = Type.Object({}, { additionalProperties: true });

/** Objects in definitions refuse unknown properties, so typos surface instead of being ignored. */
export const Strict = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

/** A union of string literals that keeps the literal types (a plain `.map` would widen them to string). */
export const literals = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((value) => Type.Literal(value))) as unknown as TUnion<TLiteral<T[number]>[]>;
