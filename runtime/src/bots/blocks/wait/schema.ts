import { type Static, Type } from '@sinclair/typebox';
import { type BlockShape, blockSchema, exit } from '../../block-shape.js';

export const minWaitSeconds = 1;
export const maxWaitSeconds = 30 * 24 * 3600;

/**
 * Wait `seconds` (1 s … 30 days), then `next`. A client's message interrupts an `interruptible` wait (taking
 * `interrupted` when set, `next` otherwise); an operator's hand-back interrupts any wait.
 */
export const WaitBlockSchema = blockSchema(
  'wait',
  { seconds: Type.Integer({ minimum: 0, maximum: 10 * maxWaitSeconds }), interruptible: Type.Boolean() },
  'next|interrupted',
);
export type WaitBlock = Static<typeof WaitBlockSchema>;

export const waitShape: BlockShape<WaitBlock> = {
  schema: WaitBlockSchema,
  exits: () => [exit('next'), exit('interrupted', false)],
  waits: true,
  reads: () => [],
  sets: () => [],
  problems: (block) =>
    block.seconds < minWaitSeconds || block.seconds > maxWaitSeconds
      ? [
          {
            pointer: '/seconds',
            code: 'wait_bounds',
            ru: `ожидание ${block.seconds} с: можно от 1 секунды до 30 дней`,
            en: `a wait of ${block.seconds} s: it must be from 1 second to 30 days`,
          },
        ]
      : [],
};
