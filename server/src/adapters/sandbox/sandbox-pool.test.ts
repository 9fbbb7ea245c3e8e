import { effectiveLimits, ScriptHostBusy } from '@opora/runtime/scripts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScript } from '../script-toolchain/compile.js';
import { SandboxPool } from './sandbox-pool.js';

async function request(source: string, limits = {}, input: unknown = { n: 21 }) {
  const compiled = await compileScript(source);
  if (!compiled.ok) throw new Error('compile failed');
  return { script: compiled.script, input, limits: effectiveLimits(limits), locale: 'en' as const };
}

describe('SandboxPool (sandbox worker processes)', () => {
  let pool: SandboxPool;
  beforeAll(() => {
    pool = new SandboxPool({ size: 2, graceMs: 1500 });
  });
  afterAll(() => pool.close());

  it('runs scripts in worker processes, SDK calls answered by the server', async () => {
    const result = await pool.run(
      await request(
        'export default async (ctx) => ({ doubled: ctx.input.n * 2, found: await ctx.records.get("request", "r1") })',
      ),
      async (op, args) => ({ op, args }),
    );
    expect(result).toMatchObject({
      ok: true,
      output: { doubled: 42, found: { op: 'records.get', args: ['request', 'r1'] } },
    });
    expect(pool.pids().every((pid) => pid > 0 && pid !== process.pid)).toBe(true);
  });

  it('keeps other runs going while one hits its limit', async () => {
    const [looping, ...fine] = await Promise.all([
      pool.run(await request('export default () => { for (;;) {} }', { timeoutMs: 300 }), async () => null),
      ...Array.from({ length: 6 }, async () =>
        pool.run(await request('export default (ctx) => ctx.input.n'), async () => null),
      ),
    ]);
    expect(looping).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(fine.every((r) => r.ok && r.output === 21)).toBe(true);
  });

  it('replaces a worker that dies, failing only its runs with a clear error', async () => {
    const before = pool.pids();
    // The script waits on an SDK call the host never answers, so it is mid-run when its worker dies.
    const pending = pool.run(
      await request('export default (ctx) => ctx.records.get("request", "slow")', { timeoutMs: 5000 }),
      () => new Promise(() => undefined),
    );
    await new Promise((r) => setTimeout(r, 300));
    for (const pid of before) process.kill(pid, 'SIGKILL');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'sandbox_crashed' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(pool.pids().some((pid) => before.includes(pid))).toBe(false);
    expect(await pool.run(await request('export default () => "back"'), async () => null)).toMatchObject({
      ok: true,
      output: 'back',
    });
  });
});

describe('SandboxPool on a slow machine', () => {
  it('starts a run’s clock only when a ready worker takes it: runs succeed while workers boot slowly', async () => {
    // Each worker reports ready only after its boot and 3 s more: longer than a run's limit plus the grace.
    const pool = new SandboxPool({ size: 2, graceMs: 1000, workerBootDelayMs: 3000 });
    try {
      const pids = pool.pids();
      const results = await Promise.all(
        Array.from({ length: 8 }, async (_, i) =>
          pool.run(await request(`export default () => ${i}`, { timeoutMs: 1000 }), async () => null),
        ),
      );
      expect(results.map((r) => (r.ok ? r.output : r.error.code))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(pool.pids()).toEqual(pids);
    } finally {
      await pool.close();
    }
  });

  it('times a run from when its code starts: a worker slow to set the run up does not eat its limit', async () => {
    // Each run takes 2.5 s to set up (a starved machine compiling): more than the run's limit and the grace.
    const pool = new SandboxPool({ size: 1, graceMs: 500, workerSetupDelayMs: 2500 });
    try {
      const result = await pool.run(
        await request('export default (ctx) => ctx.input.n', { timeoutMs: 1000 }),
        async () => null,
      );
      expect(result).toMatchObject({ ok: true, output: 21 });
      expect(result.durationMs).toBeLessThan(1000);
    } finally {
      await pool.close();
    }
  });

  it('bounds the queue of runs waiting for a worker, and how long they wait', async () => {
    const pool = new SandboxPool({ size: 1, maxQueued: 2, queueTimeoutMs: 60_000, workerBootDelayMs: 1000 });
    try {
      const trivial = await request('export default () => "ran"');
      const first = pool.run(trivial, async () => null);
      const second = pool.run(trivial, async () => null);
      await expect(pool.run(trivial, async () => null)).rejects.toBeInstanceOf(ScriptHostBusy);
      expect((await first).ok && (await second).ok).toBe(true);
    } finally {
      await pool.close();
    }
    const stuck = new SandboxPool({ size: 1, queueTimeoutMs: 300, workerBootDelayMs: 5000 });
    try {
      expect(await stuck.run(await request('export default () => 1'), async () => null)).toMatchObject({
        ok: false,
        error: { code: 'sandbox_unavailable' },
      });
    } finally {
      await stuck.close();
    }
  });
});

describe('SandboxPool bridge bounds', () => {
  let pool: SandboxPool;
  beforeAll(() => {
    pool = new SandboxPool({ size: 1 });
  });
  afterAll(() => pool.close());

  it('carries at most a few SDK calls of a run at once', async () => {
    let inFlight = 0;
    let most = 0;
    const result = await pool.run(
      await request(
        'export default async (ctx) => (await Promise.all(Array.from({ length: 50 }, (_, i) => ctx.records.get("a", String(i))))).length',
      ),
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
        return {};
      },
    );
    expect(result).toMatchObject({ ok: true, output: 50 });
    expect(most).toBeLessThanOrEqual(4);
  });

  it('refuses an input nested 10,000 levels deep without harming the worker', async () => {
    let input: unknown = 1;
    for (let i = 0; i < 10_000; i++) input = { input };
    const pids = pool.pids();
    expect(
      await pool.run(await request('export default () => 1', {}, input), async () => null),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('64 levels') },
    });
    expect(
      await pool.run(await request('export default (ctx) => ctx.input.n'), async () => null),
    ).toMatchObject({
      ok: true,
      output: 21,
    });
    expect(pool.pids()).toEqual(pids);
  });
});
