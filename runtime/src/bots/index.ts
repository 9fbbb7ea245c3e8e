export type { BlockProblem, BlockRead, BlockShape, ExitInfo } from './block-shape.js';
export { variableNamePattern } from './block-shape.js';
export type { BlockContext, BlockOutcome, BlockSpec, ResumeEvent } from './block-spec.js';
export { type AskInput, askInputs } from './blocks/ask/schema.js';
export { validAnswer } from './blocks/ask/validate-answer.js';
export { chosenOption } from './blocks/choice-options.js';
export { type FoundArticle, foundArticles } from './blocks/kb-search/found-articles.js';
export {
  type BlockOfType,
  type BlockType,
  type BotBlock,
  blockShapes,
  blockTypes,
  shapeOf,
} from './blocks/shapes.js';
export { maxWaitSeconds, minWaitSeconds } from './blocks/wait/schema.js';
export type { BotEffect } from './effects.js';
export { type BotStep, botEngine, returnToBot, startBot, stepBot } from './engine.js';
export type { BotEvent, BotEventType } from './events.js';
export { defaultBotTimeZone, type PreparedBot, type PrepareOptions, prepareBot } from './prepared-bot.js';
export { blockRegistry, specOf } from './registry.js';
export {
  type BotSession,
  maxBlocksPerStep,
  maxValueChars,
  maxVariables,
  type StartOptions,
  type Waiting,
} from './session.js';
export { closeness, defaultPhraseThreshold, matchTrigger } from './triggers.js';
export {
  builtInVariables,
  parseTemplate,
  readVariable,
  renderTemplate,
  setVariable,
  type TemplatePart,
  templateReads,
} from './variables.js';
