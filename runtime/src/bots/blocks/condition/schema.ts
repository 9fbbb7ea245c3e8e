import type { Static } from '@sinclair/typebox';
import { type BlockShape, blockSchema, ExpressionSource, exit } from '../../block-shape.js';

/** Branch on an expression of the forms language over the variables: `true` when truthy, `false` otherwise (not then/else: an object with `then` is a thenable). */
export const ConditionBlockSchema = blockSchema('condition', { expression: ExpressionSource }, 'true|false');
export type ConditionBlock = Static<typeof ConditionBlockSchema>;

export const conditionShape: BlockShape<ConditionBlock> = {
  schema: ConditionBlockSchema,
  exits: () => [exit('true'), exit('false')],
  waits: false,
  reads: (block) => [{ pointer: '/expression', expression: block.expression }],
  sets: () => [],
};
