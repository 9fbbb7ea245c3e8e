import { performance } from 'node:perf_hooks';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { databaseTargets } from '@opora/server/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The embedded database runs in its own thread: a slow query must not hold up other requests. Each sample is
 * timed from when it was due, so an event loop stalled by the query (which delays the sampler as well) shows.
 */
describe.each(databaseTargets)('GET /api/health while a 5 s query runs on $name', (target) => {
  let h: Harness;
  let baseUrl: string;

  beforeAll(async () => {
    h = await createHarness(target);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening');
    baseUrl = `http://127.0.0.1:${address.port}`;
    await fetch(`${baseUrl}/api/health`);
  });
  afterAll(() => h?.close());

  it('answers in under 100 ms throughout', async () => {
    let queryDone = false;
    // No await before sampling starts: an in-process database would block the loop before the first sample.
    const slow = h.db.query('select pg_sleep(5)').finally(() => {
      queryDone = true;
    });
    const started = performance.now();
    const samples: { ms: number; whileQueryRan: boolean }[] = [];
    for (let due = started + 200; due < started + 4000; due += 250) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const response = await fetch(`${baseUrl}/api/health`);
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      samples.push({ ms: Math.round(performance.now() - due), whileQueryRan: !queryDone });
    }
    await slow;
    // A stalled event loop delays every sample by seconds. On a busy test machine (files run in parallel on
    // two cores) scheduling alone can make one request late, so one sample may miss 100 ms, none 500 ms.
    expect(samples.filter((s) => s.ms >= 100).length, JSON.stringify(samples)).toBeLessThanOrEqual(1);
    expect(
      samples.filter((s) => s.ms >= 500),
      JSON.stringify(samples),
    ).toEqual([]);
    expect(samples.every((s) => s.whileQueryRan)).toBe(true);
  });
});
