import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey } from '../../../definitions/common-schemas.js';
import { type BlockShape, blockSchema, exit, ValueMap, VariableName } from '../../block-shape.js';
import { valueMapReads } from '../await-result.js';

/**
 * Run a script in the sandbox with `input` (templates over the variables); its result goes to `output` and the
 * bot takes `next`, or, when the script fails, the error text goes to `output` and the bot takes `error`.
 */
export const ScriptBlockSchema = blockSchema(
  'script',
  { script: DefinitionKey, input: ValueMap, output: Type.Optional(VariableName) },
  'next|error',
);
export type ScriptBlock = Static<typeof ScriptBlockSchema>;

export const scriptShape: BlockShape<ScriptBlock> = {
  schema: ScriptBlockSchema,
  exits: () => [exit('next'), exit('error')],
  waits: true,
  reads: (block) => valueMapReads('/input', block.input),
  sets: (block) => (block.output ? [block.output] : []),
};
