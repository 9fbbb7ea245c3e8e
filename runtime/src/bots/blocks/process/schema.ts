import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, Strict } from '../../../definitions/common-schemas.js';
import { type BlockShape, blockSchema, exit, ValueMap, VariableName } from '../../block-shape.js';
import { valueMapReads } from '../await-result.js';

/**
 * Start a business process with `variables`, about `record` when given (its `id` a template, e.g. the id of the
 * request a record block just created: the process can then set its status and write to its client); the
 * started instance goes to `output`. The bot only asks the server to start it and goes on when it has started.
 */
export const ProcessBlockSchema = blockSchema(
  'process',
  {
    process: DefinitionKey,
    variables: ValueMap,
    record: Type.Optional(
      Strict({ entity: DefinitionKey, id: Type.String({ minLength: 1, maxLength: 200 }) }),
    ),
    output: Type.Optional(VariableName),
  },
  'next|error',
);
export type ProcessBlock = Static<typeof ProcessBlockSchema>;

export const processShape: BlockShape<ProcessBlock> = {
  schema: ProcessBlockSchema,
  exits: () => [exit('next'), exit('error')],
  waits: true,
  reads: (block) => [
    ...valueMapReads('/variables', block.variables),
    ...(block.record ? [{ pointer: '/record/id', template: block.record.id }] : []),
  ],
  sets: (block) => (block.output ? [block.output] : []),
};
