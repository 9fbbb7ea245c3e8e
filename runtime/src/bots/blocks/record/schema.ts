import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, literals } from '../../../definitions/common-schemas.js';
import { type BlockShape, blockSchema, exit, ValueMap, VariableName } from '../../block-shape.js';
import { valueMapReads } from '../await-result.js';

/**
 * Create a record (e.g. a request from what the bot collected) or update one (`recordId`, a template); field
 * values are templates over the variables. The created or updated record goes to `output`.
 */
export const RecordBlockSchema = blockSchema(
  'record',
  {
    mode: literals(['create', 'update']),
    entity: DefinitionKey,
    recordId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    values: ValueMap,
    output: Type.Optional(VariableName),
  },
  'next|error',
);
export type RecordBlock = Static<typeof RecordBlockSchema>;

export const recordShape: BlockShape<RecordBlock> = {
  schema: RecordBlockSchema,
  exits: () => [exit('next'), exit('error')],
  waits: true,
  reads: (block) => [
    ...valueMapReads('/values', block.values),
    ...(block.recordId ? [{ pointer: '/recordId', template: block.recordId }] : []),
  ],
  sets: (block) => (block.output ? [block.output] : []),
  problems: (block) =>
    block.mode === 'update' && !block.recordId
      ? [
          {
            pointer: '/recordId',
            code: 'required',
            ru: 'не указано, какую запись изменить',
            en: 'no record to update is given',
          },
        ]
      : [],
};
