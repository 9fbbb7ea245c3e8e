import type { Static } from '@sinclair/typebox';
import { type BlockShape, blockSchema, ExpressionSource, exit } from '../../block-shape.js';

/** Branch on an expression of the forms language over the variables: `then` when true, `else` otherwise. */
export const ConditionBlockSchema = blockSchema('condition', { expression: ExpressionSource }, 'then|else');
export type ConditionBlock = Static<typeof ConditionBlockSchema>;

export const conditionShape: BlockShape<ConditionBlock> = {
  schema: ConditionBlockSchema,
  exits: () => [exit('then'), exit('else')],
  waits: false,
  reads: (block) => [{ pointer: '/expression', expression: block.expression }],
  sets: () => [],
};
