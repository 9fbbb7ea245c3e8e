import { type Static, Type } from '@sinclair/typebox';
import { type BlockShape, blockSchema, exit, FileRef, TemplateText } from '../../block-shape.js';
import { textReads } from '../text-reads.js';

/** Send a message: a text with `{{variables}}`, and images or files. */
export const MessageBlockSchema = blockSchema(
  'message',
  { text: TemplateText, attachments: Type.Optional(Type.Array(FileRef, { maxItems: 10 })) },
  'next',
);
export type MessageBlock = Static<typeof MessageBlockSchema>;

export const messageShape: BlockShape<MessageBlock> = {
  schema: MessageBlockSchema,
  exits: () => [exit('next')],
  waits: false,
  reads: (block) => textReads('/text', block.text),
  sets: () => [],
};
