import { describe, expect, it } from 'vitest';
import { CallGate } from './call-gate.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CallGate', () => {
  it('runs at most maxActive at once, queues maxWaiting, refuses the rest, and keeps order', async () => {
    const gate = new CallGate(2, 3);
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      active += 1;
      most = Math.max(most, active);
      await tick();
      active -= 1;
      order.push(n);
      return n;
    };
    const started = Array.from({ length: 7 }, (_, n) => gate.run(task(n)));
    expect(started.filter((p) => p === undefined)).toHaveLength(2);
    expect(gate.pending).toBe(5);
    expect(await Promise.all(started.filter(Boolean))).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(gate.pending).toBe(0);
  });

  it('frees the slot of a failed task', async () => {
    const gate = new CallGate(1, 1);
    const failing = gate.run(async () => {
      throw new Error('no');
    });
    const next = gate.run(async () => 'next');
    await expect(failing).rejects.toThrow('no');
    await expect(next).resolves.toBe('next');
    expect(gate.pending).toBe(0);
  });
});
