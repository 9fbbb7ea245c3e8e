import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey } from '../../../definitions/common-schemas.js';
import { type BlockShape, blockSchema, exit, ValueMap, VariableName } from '../../block-shape.js';
import { valueMapReads } from '../await-result.js';

/**
 * Start a business process with `variables`; the started instance goes to `output`. The hook the process engine
 * fills: the bot only asks the server to start it and goes on when it has started.
 */
export const ProcessBlockSchema = blockSchema(
  'process',
  { process: DefinitionKey, variables: ValueMap, output: Type.Optional(VariableName) },
  'next|error',
);
export type ProcessBlock = Static<typeof ProcessBlockSchema>;

export const processShape: BlockShape<ProcessBlock> = {
  schema: ProcessBlockSchema,
  exits: () => [exit('next'), exit('error')],
  waits: true,
  reads: (block) => valueMapReads('/variables', block.variables),
  sets: (block) => (block.output ? [block.output] : []),
};
