import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { waitBlock } from './run.js';
import type { WaitBlock } from './schema.js';

const wait = (interruptible: boolean, exits: Record<string, string> = { next: 'n' }) =>
  block('w', 'wait', { seconds: 90, interruptible }, exits) as WaitBlock;
const waiting = { kind: 'timer' as const, attempt: 0, until: 91_000, timerKey: 'w:0' };

describe('wait block', () => {
  it('schedules its timer and waits; the timer takes next', () => {
    const ctx = blockContext(wait(true), { now: 1000 });
    expect(waitBlock.run(ctx)).toEqual({ wait: waiting });
    expect(ctx.effects).toEqual([
      { type: 'scheduleTimer', key: 'w:0', at: 91_000, event: { type: 'timer', blockId: 'w', attempt: 0 } },
    ]);
    expect(
      waitBlock.resume?.(blockContext(wait(true), { waiting }), { type: 'timer', blockId: 'w', attempt: 0 }),
    ).toEqual({ go: 'next' });
  });

  it('a client message interrupts an interruptible wait (cancelling the timer), not another', () => {
    const ctx = blockContext(wait(true, { next: 'n', interrupted: 'i' }), { waiting });
    expect(waitBlock.resume?.(ctx, { type: 'message', text: 'ну?' })).toEqual({ go: 'interrupted' });
    expect(ctx.effects).toEqual([{ type: 'cancelTimer', key: 'w:0' }]);
    expect(
      waitBlock.resume?.(blockContext(wait(false), { waiting }), { type: 'message', text: 'ну?' }),
    ).toHaveProperty('refuse');
  });

  it('an operator interrupts any wait', () => {
    const ctx = blockContext(wait(false), { waiting });
    expect(waitBlock.resume?.(ctx, { type: 'operatorReturned', blockId: 'w' })).toEqual({ go: 'next' });
  });
});
