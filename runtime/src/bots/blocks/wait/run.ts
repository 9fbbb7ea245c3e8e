import type { BlockSpec } from '../../block-spec.js';
import { maxWaitSeconds, minWaitSeconds, type WaitBlock, waitShape } from './schema.js';

export const waitBlock: BlockSpec<WaitBlock> = {
  ...waitShape,
  run(ctx) {
    const seconds = Math.min(maxWaitSeconds, Math.max(minWaitSeconds, ctx.block.seconds));
    const until = ctx.clock.now() + seconds * 1000;
    const key = `${ctx.block.id}:0`;
    ctx.emit({
      type: 'scheduleTimer',
      key,
      at: until,
      event: { type: 'timer', blockId: ctx.block.id, attempt: 0 },
    });
    return { wait: { kind: 'timer', attempt: 0, until, timerKey: key } };
  },
  resume(ctx, event) {
    if (event.type === 'timer') return { go: 'next' };
    const interrupted =
      event.type === 'operatorReturned' || (event.type === 'message' && ctx.block.interruptible);
    if (!interrupted) return { refuse: 'the bot is waiting and cannot be interrupted' };
    if (ctx.waiting?.timerKey) ctx.emit({ type: 'cancelTimer', key: ctx.waiting.timerKey });
    return { go: ctx.block.exits.interrupted ? 'interrupted' : 'next' };
  },
};
