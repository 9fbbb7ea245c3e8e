import { type Static, Type } from '@sinclair/typebox';
import { type BlockShape, blockSchema, exit, TemplateText } from '../../block-shape.js';
import { textReads } from '../text-reads.js';

/**
 * Search the knowledge base for `query` (a template; the client's last message by default), show the top
 * `limit` articles with «Помогло» / «Не помогло». Helped → `helped`. Not helped → ask to put it another way and
 * search again, up to `rounds` searches, then `notHelped` (also when nothing is found). A failed search takes
 * `error` when set, `notHelped` otherwise.
 */
export const KbSearchBlockSchema = blockSchema(
  'kb-search',
  {
    query: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    limit: Type.Integer({ minimum: 1, maximum: 10 }),
    rounds: Type.Integer({ minimum: 1, maximum: 5 }),
    /** Shown above the articles. */
    text: Type.Optional(TemplateText),
    /** Asked when an answer did not help and rounds remain. */
    askAgainText: Type.Optional(TemplateText),
  },
  'helped|notHelped|error',
);
export type KbSearchBlock = Static<typeof KbSearchBlockSchema>;

export const kbSearchShape: BlockShape<KbSearchBlock> = {
  schema: KbSearchBlockSchema,
  exits: () => [exit('helped'), exit('notHelped'), exit('error', false)],
  waits: true,
  reads: (block) => [
    { pointer: '/query', template: block.query ?? '{{lastMessage}}' },
    ...textReads('/text', block.text),
    ...textReads('/askAgainText', block.askAgainText),
  ],
  sets: () => [],
};
