import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, LText, Strict } from '../../../definitions/common-schemas.js';
import { type BlockShape, blockSchema, exit, TemplateText } from '../../block-shape.js';
import { textReads } from '../text-reads.js';

/**
 * Hand the dialog to an operator of a line, with a summary of what the bot collected (label + variable) so the
 * operator does not ask again. The bot then waits; when an operator hands the dialog back it takes `next`, or
 * ends when `next` is not set.
 */
export const HandOverBlockSchema = blockSchema(
  'hand-over',
  {
    line: DefinitionKey,
    /** Told to the client before the hand-over («Соединяю с оператором…»). */
    text: Type.Optional(TemplateText),
    summary: Type.Array(Strict({ label: LText, variable: Type.String({ minLength: 1, maxLength: 200 }) }), {
      maxItems: 50,
    }),
  },
  'next',
);
export type HandOverBlock = Static<typeof HandOverBlockSchema>;

export const handOverShape: BlockShape<HandOverBlock> = {
  schema: HandOverBlockSchema,
  exits: () => [exit('next', false)],
  waits: true,
  reads: (block) => [
    ...textReads('/text', block.text),
    ...block.summary.map((item, i) => ({ pointer: `/summary/${i}/variable`, variable: item.variable })),
  ],
  sets: () => [],
};
