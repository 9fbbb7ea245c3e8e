import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey } from '../../../definitions/common-schemas.js';
import { type BlockShape, blockSchema, exit, ValueMap, VariableName } from '../../block-shape.js';
import { valueMapReads } from '../await-result.js';

/** Call an operation of an integration with `input`; the answer goes to `output` (`next`), a failure to `error`. */
export const IntegrationBlockSchema = blockSchema(
  'integration',
  {
    integration: DefinitionKey,
    operation: Type.String({ minLength: 1, maxLength: 100 }),
    input: ValueMap,
    output: Type.Optional(VariableName),
  },
  'next|error',
);
export type IntegrationBlock = Static<typeof IntegrationBlockSchema>;

export const integrationShape: BlockShape<IntegrationBlock> = {
  schema: IntegrationBlockSchema,
  exits: () => [exit('next'), exit('error')],
  waits: true,
  reads: (block) => valueMapReads('/input', block.input),
  sets: (block) => (block.output ? [block.output] : []),
};
