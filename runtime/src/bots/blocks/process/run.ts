import type { BlockSpec } from '../../block-spec.js';
import { renderTemplate } from '../../variables.js';
import { awaitResult, renderValues, resumeWithResult } from '../await-result.js';
import { type ProcessBlock, processShape } from './schema.js';

export const processBlock: BlockSpec<ProcessBlock> = {
  ...processShape,
  run(ctx) {
    const variables = renderValues(ctx.block.variables, ctx.variables);
    const { record } = ctx.block;
    const recordId = record ? renderTemplate(record.id, ctx.variables).trim() : undefined;
    // A process about a record its id did not name would set no status and tell no client: take the error exit.
    if (record && !recordId) {
      if (ctx.block.output !== undefined) ctx.set(ctx.block.output, `no ${record.entity} record to start on`);
      return { go: 'error' };
    }
    ctx.emit({
      type: 'startProcess',
      requestId: ctx.requestId,
      process: ctx.block.process,
      variables,
      ...(record && recordId ? { record: { entity: record.entity, id: recordId } } : {}),
    });
    return awaitResult(ctx);
  },
  resume: resumeWithResult,
};
