import { type Static, Type } from '@sinclair/typebox';
import { type BlockShape, blockSchema, TemplateText } from '../../block-shape.js';
import { textReads } from '../text-reads.js';

/** End the conversation with the bot, with a last message if set. A new trigger starts it again. */
export const EndBlockSchema = blockSchema('end', { text: Type.Optional(TemplateText) }, 'never');
export type EndBlock = Static<typeof EndBlockSchema>;

export const endShape: BlockShape<EndBlock> = {
  schema: EndBlockSchema,
  exits: () => [],
  waits: false,
  reads: (block) => textReads('/text', block.text),
  sets: () => [],
};
