import { effectiveLimits } from '@opora/runtime/scripts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScript } from '../script-toolchain/compile.js';
import { SandboxPool } from './sandbox-pool.js';

async function request(source: string, limits = {}) {
  const compiled = await compileScript(source);
  if (!compiled.ok) throw new Error('compile failed');
  return { script: compiled.script, input: { n: 21 }, limits: effectiveLimits(limits) };
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
