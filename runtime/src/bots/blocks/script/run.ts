import type { BlockSpec } from '../../block-spec.js';
import { awaitResult, renderValues, resumeWithResult } from '../await-result.js';
import { type ScriptBlock, scriptShape } from './schema.js';

export const scriptBlock: BlockSpec<ScriptBlock> = {
  ...scriptShape,
  run(ctx) {
    const { script, input } = ctx.block;
    ctx.emit({
      type: 'runScript',
      requestId: ctx.requestId,
      script,
      input: renderValues(input, ctx.variables),
    });
    return awaitResult(ctx);
  },
  resume: resumeWithResult,
};
