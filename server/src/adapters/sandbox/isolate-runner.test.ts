import { effectiveLimits, type SdkHandler } from '@opora/runtime/scripts';
import { afterAll, describe, expect, it } from 'vitest';
import { compileScript } from '../script-toolchain/compile.js';
import { IsolateRunner } from './isolate-runner.js';

const runner = new IsolateRunner();
afterAll(() => runner.dispose());

const noSdk: SdkHandler = async (op) => {
  throw new Error(`no ${op} here`);
};

async function run(source: string, input: unknown = {}, limits = {}, sdk: SdkHandler = noSdk) {
  const compiled = await compileScript(source);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return runner.run({ script: compiled.script, input, limits: effectiveLimits(limits) }, sdk);
}

describe('compileScript', () => {
  it('reports syntax errors at the author’s line and column', async () => {
    const result = await compileScript('const a = 1;\nconst b = ;\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 2, column: 11 });
  });
});

describe('IsolateRunner', () => {
  it('runs the default export with the input and returns a copy of its result, with logs', async () => {
    const result = await run(
      `interface In { a: number; b: number }
       export default async function run(ctx: { input: In; log: { info(...v: unknown[]): void } }) {
         ctx.log.info('adding', ctx.input.a, ctx.input.b);
         return { sum: ctx.input.a + ctx.input.b };
       }`,
      { a: 2, b: 3 },
    );
    expect(result).toMatchObject({
      ok: true,
      output: { sum: 5 },
      logs: [{ level: 'info', message: 'adding 2 3' }],
    });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('maps runtime errors to the TypeScript line', async () => {
    const result = await run(
      `type T = { x: number };\n\nexport default function run() {\n  const t: T = { x: 1 };\n  throw new Error('boom ' + t.x);\n}\n`,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'runtime_error', message: 'boom 1', line: 5 });
  });

  it('gives every run a fresh context: nothing leaks from one run to the next', async () => {
    await run(
      'export default function run() { (globalThis as any).leaked = 42; Object.prototype.polluted = 1; }',
    );
    const second = await run(
      'export default function run() { return [typeof (globalThis as any).leaked, ({} as any).polluted ?? null]; }',
    );
    expect(second).toMatchObject({ ok: true, output: ['undefined', null] });
  });

  it('carries SDK calls to the host as JSON copies and counts them', async () => {
    const seen: unknown[] = [];
    const sdk: SdkHandler = async (op, args) => {
      seen.push([op, args]);
      return { id: args[1], data: { subject: 'Пароль' } };
    };
    const result = await run(
      `export default async function run(ctx) { const r = await ctx.records.get('request', 'r1'); r.data.subject = 'changed'; return r; }`,
      {},
      {},
      sdk,
    );
    expect(result).toMatchObject({
      ok: true,
      output: { id: 'r1', data: { subject: 'changed' } },
      sdkCalls: 1,
    });
    expect(seen).toEqual([['records.get', ['request', 'r1']]]);
  });

  it('turns SDK errors into catchable script errors', async () => {
    const result = await run(
      `export default async function run(ctx) { try { await ctx.records.get('x', 'y'); } catch (e) { return e.message; } }`,
    );
    expect(result).toMatchObject({ ok: true, output: 'no records.get here' });
  });

  it('stops an infinite loop at the time limit and keeps working afterwards', async () => {
    const result = await run(
      'export default function run() { for (;;) {} }',
      {},
      { timeoutMs: 200, cpuMs: 5000 },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(await run('export default () => 1')).toMatchObject({ ok: true, output: 1 });
  });

  it('stops a loop hidden in a promise chain', async () => {
    const result = await run(
      'export default async function run() { await null; await Promise.resolve().then(() => { for (;;) {} }); }',
      {},
      { timeoutMs: 300 },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['timeout', 'cpu_limit']).toContain(result.error.code);
  });

  it('stops a memory bomb at the memory limit', async () => {
    const result = await run(
      'export default function run() { const a: string[] = []; for (;;) a.push("x".repeat(1e6) + a.length); }',
      {},
      { memoryMb: 16, timeoutMs: 10000, cpuMs: 10000 },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'memory_limit' } });
    expect(await run('export default () => "alive"')).toMatchObject({ ok: true, output: 'alive' });
  });

  it('enforces output, log and SDK-call limits', async () => {
    expect(await run('export default () => "x".repeat(5000)', {}, { maxOutputBytes: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'output_limit' },
    });
    const logs = await run(
      'export default (ctx) => { for (let i = 0; i < 1000; i++) ctx.log.info("line " + i); return 1; }',
      {},
      { maxLogBytes: 100 },
    );
    expect(logs).toMatchObject({ ok: true, logsTruncated: true });
    expect(logs.logs.reduce((n, l) => n + l.message.length, 0)).toBeLessThanOrEqual(101);
    const flood = await run(
      'export default async (ctx) => { for (let i = 0; i < 50; i++) { try { await ctx.records.get("a", String(i)); } catch (e) { return [i, e.message]; } } }',
      {},
      { maxSdkCalls: 5 },
      async () => ({}),
    );
    expect(flood).toMatchObject({ ok: true, output: [5, 'SDK call limit reached (5 calls per run)'] });
  });

  it('reaches no host objects through the constructor chain', async () => {
    const result = await run(`export default function run(ctx) {
      const viaThis = (() => { try { return this.constructor.constructor('return typeof process')(); } catch (e) { return 'blocked'; } })();
      const viaCtx = ctx.log.info.constructor('return typeof process + typeof require + typeof __oporaHost')();
      return [viaThis, viaCtx];
    }`);
    expect(result).toMatchObject({ ok: true, output: ['undefined', 'undefinedundefinedundefined'] });
  });
});
