import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff';

describe('reconnect backoff', () => {
  it('doubles from one second up to thirty', () => {
    const top = (n: number) => reconnectDelay(n, () => 1);
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(top)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
  it('waits at least half of the step', () => {
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(3, () => 0)).toBe(4000);
    expect(reconnectDelay(50, () => 0)).toBe(15000);
  });
  it('stays within bounds whatever the random source gives', () => {
    for (let attempt = 0; attempt < 12; attempt++)
      for (const r of [0, 0.3, 0.99]) {
        const d = reconnectDelay(attempt, () => r);
        expect(d).toBeGreaterThanOrEqual(500);
        expect(d).toBeLessThanOrEqual(30_000);
      }
  });
  it('treats a negative attempt as the first', () => {
    expect(reconnectDelay(-3, () => 1)).toBe(1000);
  });
});
