import { type Static, Type } from '@sinclair/typebox';
import { VariableName } from '../../bots/block-shape.js';
import { type BotBlock, blockShapes } from '../../bots/blocks/shapes.js';
import { LText, Strict } from '../common-schemas.js';
import { BotTriggerSchema } from './trigger-schema.js';

/**
 * A chat bot (schemaVersion 2): trigger chains over a graph of blocks.
 *
 * ```
 * { schemaVersion: 2, title, timeZone?, variables?: [{ name, label? }],
 *   triggers: [{ id, type, …, next: blockId }],
 *   blocks:   [{ id, type, typeVersion: 1, position?, label?, …config, exits: { next?: id, error?: id, … } }] }
 * ```
 *
 * Each trigger starts at the block `next` names. Each block's exits are named (`next`, `error`, `fallback`,
 * `true`/`false`, `option:<id>` per button, `helped`/`notHelped`, `interrupted`) and point to a block id; which
 * exits a block type has, and which may be left unset, is its shape's `exits` (runtime/src/bots/blocks/<type>/
 * schema.ts). Block schemas live in their folders; this union is built from the block registry, so a new block
 * type is one folder plus one registry line. `variables` declares variables with a label (for hand-over
 * summaries and the designer) and an initial value; blocks may set others.
 */
export const BotBlockSchema = Type.Union(Object.values(blockShapes).map((shape) => shape.schema));

export const BotVariableSchema = Strict({
  name: VariableName,
  label: Type.Optional(LText),
  initial: Type.Optional(Type.String({ maxLength: 10_000 })),
});

export const BotBodySchema = Strict({
  schemaVersion: Type.Literal(2),
  title: LText,
  /** The zone of expressions' today() and of schedules without their own; Europe/Moscow when absent. */
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  variables: Type.Optional(Type.Array(BotVariableSchema, { maxItems: 200 })),
  triggers: Type.Array(BotTriggerSchema, { maxItems: 100 }),
  blocks: Type.Array(BotBlockSchema, { maxItems: 1000 }),
});

export type BotVariable = Static<typeof BotVariableSchema>;
/** A bot body; blocks are typed from their folders' schemas (the union above is built at run time). */
export type BotBody = Omit<Static<typeof BotBodySchema>, 'blocks'> & { blocks: BotBlock[] };
export type { BotTrigger } from './trigger-schema.js';
export type { BotBlock };
