import type { BlockShape } from '../block-shape.js';
import { type AskBlock, askShape } from './ask/schema.js';
import { type ButtonsBlock, buttonsShape } from './buttons/schema.js';
import { type ConditionBlock, conditionShape } from './condition/schema.js';
import { type EndBlock, endShape } from './end/schema.js';
import { type GoToBotBlock, goToBotShape } from './go-to-bot/schema.js';
import { type HandOverBlock, handOverShape } from './hand-over/schema.js';
import { type IntegrationBlock, integrationShape } from './integration/schema.js';
import { type KbSearchBlock, kbSearchShape } from './kb-search/schema.js';
import { type MessageBlock, messageShape } from './message/schema.js';
import { type ProcessBlock, processShape } from './process/schema.js';
import { type RecordBlock, recordShape } from './record/schema.js';
import { type ScriptBlock, scriptShape } from './script/schema.js';
import { type SetVariableBlock, setVariableShape } from './set-variable/schema.js';
import { type WaitBlock, waitShape } from './wait/schema.js';

/** Every block of a bot, by its `type`. */
export type BotBlock =
  | MessageBlock
  | ButtonsBlock
  | AskBlock
  | SetVariableBlock
  | ConditionBlock
  | ScriptBlock
  | IntegrationBlock
  | KbSearchBlock
  | RecordBlock
  | ProcessBlock
  | HandOverBlock
  | GoToBotBlock
  | WaitBlock
  | EndBlock;

export type BlockType = BotBlock['type'];
export type BlockOfType<T extends BlockType> = Extract<BotBlock, { type: T }>;

/**
 * The shape of every block type (schema, exits, reads, sets), without engine code: what the definition schema
 * and the publish checks are built from. A block type missing here is a type error.
 */
export const blockShapes: { [T in BlockType]: BlockShape<BlockOfType<T>> } = {
  message: messageShape,
  buttons: buttonsShape,
  ask: askShape,
  'set-variable': setVariableShape,
  condition: conditionShape,
  script: scriptShape,
  integration: integrationShape,
  'kb-search': kbSearchShape,
  record: recordShape,
  process: processShape,
  'hand-over': handOverShape,
  'go-to-bot': goToBotShape,
  wait: waitShape,
  end: endShape,
};

export const blockTypes = Object.keys(blockShapes) as BlockType[];

/** The shape of a block, whatever its type (the lookup the mapped type cannot express by itself). */
export const shapeOf = (block: BotBlock): BlockShape<BotBlock> =>
  blockShapes[block.type] as unknown as BlockShape<BotBlock>;
