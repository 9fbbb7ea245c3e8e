import type { BlockSpec } from './block-spec.js';
import { askBlock } from './blocks/ask/run.js';
import { buttonsBlock } from './blocks/buttons/run.js';
import { conditionBlock } from './blocks/condition/run.js';
import { endBlock } from './blocks/end/run.js';
import { goToBotBlock } from './blocks/go-to-bot/run.js';
import { handOverBlock } from './blocks/hand-over/run.js';
import { integrationBlock } from './blocks/integration/run.js';
import { kbSearchBlock } from './blocks/kb-search/run.js';
import { messageBlock } from './blocks/message/run.js';
import { processBlock } from './blocks/process/run.js';
import { recordBlock } from './blocks/record/run.js';
import { scriptBlock } from './blocks/script/run.js';
import { setVariableBlock } from './blocks/set-variable/run.js';
import type { BlockOfType, BlockType, BotBlock } from './blocks/shapes.js';
import { waitBlock } from './blocks/wait/run.js';

/**
 * Every block type as the engine runs it. Typed as a record over {@link BlockType}, so a block type without a
 * run here does not compile; the designer's panels mirror the folders (`designer/src/bot-designer/blocks/<type>`).
 */
export const blockRegistry: { [T in BlockType]: BlockSpec<BlockOfType<T>> } = {
  message: messageBlock,
  buttons: buttonsBlock,
  ask: askBlock,
  'set-variable': setVariableBlock,
  condition: conditionBlock,
  script: scriptBlock,
  integration: integrationBlock,
  'kb-search': kbSearchBlock,
  record: recordBlock,
  process: processBlock,
  'hand-over': handOverBlock,
  'go-to-bot': goToBotBlock,
  wait: waitBlock,
  end: endBlock,
};

export const specOf = (block: BotBlock): BlockSpec<BotBlock> =>
  blockRegistry[block.type] as unknown as BlockSpec<BotBlock>;
