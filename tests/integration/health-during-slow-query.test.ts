import { performance } from 'node:perf_hooks';
import { publishDefinition } from '@opora/server/testing/definitions';
import { ticketEntity } from '@opora/server/testing/fixtures';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { databaseTargets } from '@opora/server/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A script issuing a million SDK calls at once (the host carries a few at a time and refuses the rest). */
const floodScript = `export default async (ctx) => {
  const calls = [];
  try {
    for (let i = 0; i < 1000000; i++) calls.push(ctx.records.find('ticket', { q: 'принтер' }).then(() => 1, () => 0));
  } catch {}
  return (await Promise.all(calls)).length;
}`;

interface Sample {
  ms: number;
  whileQueryRan: boolean;
}

/**
 * The embedded database runs in its own thread and script SDK calls are carried a few at a time: neither a slow
 * query nor a flood of SDK calls may hold up other requests. Each health sample is timed from when it was due,
 * so an event loop stalled by the work (which delays the sampler as well) shows.
 */
describe.each(databaseTargets)('GET /api/health while the server is busy ($name)', (target) => {
  let h: Harness;
  let baseUrl: string;

  beforeAll(async () => {
    h = await createHarness(target);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening');
    baseUrl = `http://127.0.0.1:${address.port}`;
    await publishDefinition(h, { kind: 'entity', key: 'ticket', name: 'Заявка', body: ticketEntity });
    // The sandbox boots before the measurement: booting is not what is measured.
    await h.app.scripts.warmUp();
    await fetch(`${baseUrl}/api/health`);
  });
  afterAll(() => h?.close());

  /** Starts the 5-second query (no await before sampling: an in-process database would block at once). */
  function slowQuery() {
    const state = { done: false };
    const finished = h.db.query('select pg_sleep(5)').finally(() => {
      state.done = true;
    });
    return { state, finished };
  }

  async function sampleHealth(queryState: { done: boolean }): Promise<Sample[]> {
    const started = performance.now();
    const samples: Sample[] = [];
    for (let due = started + 200; due < started + 4000; due += 250) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const response = await fetch(`${baseUrl}/api/health`);
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      samples.push({ ms: Math.round(performance.now() - due), whileQueryRan: !queryState.done });
    }
    return samples;
  }

  // A stalled event loop delays every sample by seconds. On a busy test machine (files run in parallel on two
  // cores) scheduling alone can make one request late, so one sample may miss 100 ms, none 500 ms.
  function expectPrompt(samples: Sample[]) {
    expect(samples.filter((s) => s.ms >= 100).length, JSON.stringify(samples)).toBeLessThanOrEqual(1);
    expect(
      samples.filter((s) => s.ms >= 500),
      JSON.stringify(samples),
    ).toEqual([]);
    expect(samples.every((s) => s.whileQueryRan)).toBe(true);
  }

  it('answers in under 100 ms while a 5 s query runs', async () => {
    const query = slowQuery();
    const samples = await sampleHealth(query.state);
    await query.finished;
    expectPrompt(samples);
  });

  it('answers in under 100 ms while a 5 s query runs and a script floods the SDK', async () => {
    const developer = await h.as('developer');
    const query = slowQuery();
    const flood = h.app.inject({
      method: 'POST',
      url: '/api/v1/scripts/test-run',
      headers: developer,
      payload: {
        source: floodScript,
        limits: { maxSdkCalls: 10_000, timeoutMs: 60_000, cpuMs: 30_000, memoryMb: 128 },
      },
    });
    const samples = await sampleHealth(query.state);
    await query.finished;
    expectPrompt(samples);
    expect((await flood).json()).toMatchObject({ ok: true, output: 1004 });
  });
});
