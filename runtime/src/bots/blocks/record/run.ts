import type { BlockSpec } from '../../block-spec.js';
import { renderTemplate } from '../../variables.js';
import { awaitResult, renderValues, resumeWithResult } from '../await-result.js';
import { type RecordBlock, recordShape } from './schema.js';

export const recordBlock: BlockSpec<RecordBlock> = {
  ...recordShape,
  run(ctx) {
    const { entity, mode } = ctx.block;
    const values = renderValues(ctx.block.values, ctx.variables);
    const requestId = ctx.requestId;
    if (mode === 'create') ctx.emit({ type: 'createRecord', requestId, entity, values });
    else {
      const recordId = renderTemplate(ctx.block.recordId ?? '', ctx.variables);
      ctx.emit({ type: 'updateRecord', requestId, entity, recordId, values });
    }
    return awaitResult(ctx);
  },
  resume: resumeWithResult,
};
