import { describe, expect, it } from 'vitest';
import { Dispatcher } from './dispatcher.js';

describe('the dispatcher', () => {
  it('folds wakes that arrive during a pass into one more pass, and repeats a pass that stopped at its batch', async () => {
    const calls: string[] = [];
    let release: (() => void) | null = null;
    let batches = 2;
    const dispatcher = new Dispatcher(
      async () => {
        calls.push('pass');
        if (calls.length === 1) await new Promise<void>((r) => (release = r));
        return batches-- > 1 ? 'more' : 'done';
      },
      { error: () => undefined },
    );
    dispatcher.wake();
    dispatcher.wake();
    dispatcher.wake();
    release!();
    await dispatcher.drain();
    // First pass said 'more' (batch), second 'done'; the wakes during it made one more pass (plus drain's own).
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it('keeps going after a failed pass', async () => {
    let n = 0;
    const errors: unknown[] = [];
    const dispatcher = new Dispatcher(
      async () => {
        n += 1;
        if (n === 1) throw new Error('deadlock');
        return 'done';
      },
      { error: (err) => errors.push(err) },
    );
    await dispatcher.drain();
    await dispatcher.drain();
    expect(errors).toHaveLength(1);
    expect(n).toBe(2);
  });
});
