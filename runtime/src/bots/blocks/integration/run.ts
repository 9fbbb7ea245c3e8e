import type { BlockSpec } from '../../block-spec.js';
import { awaitResult, renderValues, resumeWithResult } from '../await-result.js';
import { type IntegrationBlock, integrationShape } from './schema.js';

export const integrationBlock: BlockSpec<IntegrationBlock> = {
  ...integrationShape,
  run(ctx) {
    const { integration, operation, input } = ctx.block;
    ctx.emit({
      type: 'callIntegration',
      requestId: ctx.requestId,
      integration,
      operation,
      input: renderValues(input, ctx.variables),
    });
    return awaitResult(ctx);
  },
  resume: resumeWithResult,
};
