import { type Static, Type } from '@sinclair/typebox';
import { Strict } from '../../../definitions/common-schemas.js';
import { type BlockShape, blockSchema, ExpressionSource, exit, VariableName } from '../../block-shape.js';

/** Set a variable to a computed value (an expression) or a text with `{{variables}}` (a template). */
export const SetVariableBlockSchema = blockSchema(
  'set-variable',
  {
    variable: VariableName,
    value: Type.Union([
      Strict({ expression: ExpressionSource }),
      Strict({ template: Type.String({ maxLength: 4000 }) }),
    ]),
  },
  'next',
);
export type SetVariableBlock = Static<typeof SetVariableBlockSchema>;

export const setVariableShape: BlockShape<SetVariableBlock> = {
  schema: SetVariableBlockSchema,
  exits: () => [exit('next')],
  waits: false,
  reads: ({ value }) =>
    'expression' in value
      ? [{ pointer: '/value/expression', expression: value.expression }]
      : [{ pointer: '/value/template', template: value.template }],
  sets: (block) => [block.variable],
};
