import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey } from '../../../definitions/common-schemas.js';
import { type BlockShape, blockSchema, VariableName } from '../../block-shape.js';

/**
 * Go to another bot (its `jump` trigger), passing the named variables (all of them when `variables` is not set).
 * Without `bot`, the bot starts itself again. This session ends.
 */
export const GoToBotBlockSchema = blockSchema(
  'go-to-bot',
  {
    bot: Type.Optional(DefinitionKey),
    variables: Type.Optional(Type.Array(VariableName, { maxItems: 200 })),
  },
  'never',
);
export type GoToBotBlock = Static<typeof GoToBotBlockSchema>;

export const goToBotShape: BlockShape<GoToBotBlock> = {
  schema: GoToBotBlockSchema,
  exits: () => [],
  waits: false,
  reads: (block) => (block.variables ?? []).map((variable, i) => ({ pointer: `/variables/${i}`, variable })),
  sets: () => [],
};
