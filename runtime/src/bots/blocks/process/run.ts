import type { BlockSpec } from '../../block-spec.js';
import { awaitResult, renderValues, resumeWithResult } from '../await-result.js';
import { type ProcessBlock, processShape } from './schema.js';

export const processBlock: BlockSpec<ProcessBlock> = {
  ...processShape,
  run(ctx) {
    const variables = renderValues(ctx.block.variables, ctx.variables);
    ctx.emit({ type: 'startProcess', requestId: ctx.requestId, process: ctx.block.process, variables });
    return awaitResult(ctx);
  },
  resume: resumeWithResult,
};
