import { type TObject, type TSchema, Type } from '@sinclair/typebox';
import { ElementId, Strict } from '../definitions/common-schemas.js';

/**
 * What the designer, the publish checks and the engine all know about one block type without running it: its
 * schema, the exits it may take, whether a turn can stop at it, and what it reads and writes. Kept apart from
 * run/resume so `runtime/definitions` (browser-safe, loaded by the designer) needs no engine code.
 */
export interface BlockShape<Block> {
  /** The block's whole schema: the common fields plus its own config and exits. */
  schema: TObject;
  /** The exits this block may take; a required exit left unset is a publish problem (a dangling exit). */
  exits(block: Block): ExitInfo[];
  /** Whether a turn can stop at this block (it waits for the client, a timer, an operator or an effect result). */
  waits: boolean;
  /** Texts with `{{variable}}` and expressions the block evaluates, each with its pointer inside the block. */
  reads(block: Block): BlockRead[];
  /** The variables the block sets when it runs (for the "used before set" check). */
  sets(block: Block): string[];
  /** Checks only this block type knows (a wait's bounds, an RE2 pattern), each with a pointer inside the block. */
  problems?(block: Block): BlockProblem[];
}

export interface ExitInfo {
  name: string;
  required: boolean;
}

export type BlockRead =
  | { pointer: string; template: string }
  | { pointer: string; expression: string }
  | { pointer: string; variable: string };

/** A problem a block type finds in its own config; the publish check prefixes the block's pointer and name. */
export interface BlockProblem {
  pointer: string;
  code: string;
  ru: string;
  en: string;
}

/** A variable's name as blocks, templates and expressions use it. */
export const variableNamePattern = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';
export const VariableName = Type.String({ pattern: variableNamePattern });

/** A text with `{{variable}}` placeholders in Russian (required) and English. */
export const TemplateText = Strict({
  ru: Type.String({ minLength: 1, maxLength: 4000 }),
  en: Type.Optional(Type.String({ maxLength: 4000 })),
});

/** An expression in the forms expression language (a condition, a computed value). */
export const ExpressionSource = Type.String({ minLength: 1, maxLength: 2000 });

/** A file the bot sends, kept in the product's file store. */
export const FileRef = Strict({
  fileId: Type.String({ minLength: 1, maxLength: 200 }),
  name: Type.String({ minLength: 1, maxLength: 255 }),
  contentType: Type.String({ minLength: 1, maxLength: 200 }),
  size: Type.Integer({ minimum: 0 }),
});

/** Values handed to a script, an integration, a record or a process: a name → template text. */
export const ValueMap = Type.Record(
  Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,63}$' }),
  Type.String({ maxLength: 4000 }),
  {
    maxProperties: 100,
  },
);

/** The fields every block has, whatever its type. */
const common = {
  id: ElementId,
  typeVersion: Type.Literal(1),
  position: Type.Optional(Strict({ x: Type.Number(), y: Type.Number() })),
  /** The analyst's own name for the block on the canvas. */
  label: Type.Optional(Type.String({ maxLength: 200 })),
};

/**
 * A block schema: `type`, the common fields, the block's own properties and its exits — an object whose keys are
 * exit names (`next`, `error`, `option:<id>` …, matched by `exitNames`) and values block ids.
 */
export function blockSchema<const T extends string, P extends Record<string, TSchema>>(
  type: T,
  properties: P,
  exitNames: string,
) {
  return Strict({
    type: Type.Literal(type),
    ...common,
    ...properties,
    exits: Type.Record(Type.String({ pattern: `^(${exitNames})$` }), ElementId, {
      additionalProperties: false,
      maxProperties: 60,
    }),
  });
}

/** The exit-name pattern of blocks with one exit per option. */
export const optionExit = 'option:[A-Za-z0-9_-]{1,64}';

export const exit = (name: string, required = true): ExitInfo => ({ name, required });
