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
  return runner.run({ script: compiled.script, input, limits: effectiveLimits(limits), locale: 'en' }, sdk);
}

const bytes = (logs: { message: string }[]) =>
  logs.reduce((n, l) => n + new TextEncoder().encode(l.message).length, 0);
const deep = (levels: number) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { v: value };
  return value;
};

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

  it('keeps the log budget in bytes actually stored, whatever the script does to the built-ins', async () => {
    const multibyte = await run(
      'export default (ctx) => { ctx.log.info("я".repeat(600)); return 1; }',
      {},
      {
        maxLogBytes: 1000,
      },
    );
    expect(bytes(multibyte.logs)).toBeLessThanOrEqual(1000);
    expect(multibyte.logsTruncated).toBe(true);

    const seen: unknown[] = [];
    const tampering = await run(
      `export default async (ctx) => {
        const first = await ctx.records.get('a', 'b');
        const big = 'x'.repeat(1 << 20);
        Array.prototype.join = function () { return { length: 1, big }; };
        Array.prototype.map = function () { return { join: () => ({ length: 1, big }) }; };
        JSON.stringify = () => '["info",{"length":1}]';
        String.prototype.slice = () => big;
        Function.prototype.call = Function.prototype.apply = () => { throw new Error('intercepted'); };
        Object.defineProperty(Object.prototype, 'error', { get() { return 'forged'; }, configurable: true });
        Object.defineProperty(Object.prototype, 'get', { get() { return () => big; }, configurable: true });
        for (let i = 0; i < 20; i++) ctx.log.info(big);
        const second = await ctx.records.get('a', 'c');
        return first.id + second.id;
      }`,
      {},
      { maxLogBytes: 1000, memoryMb: 128, timeoutMs: 10_000, cpuMs: 10_000 },
      async (_op, args) => {
        seen.push(args);
        return { id: args[1] };
      },
    );
    expect(tampering.ok ? tampering.output : tampering.error).toBe('bc');
    expect(bytes(tampering.logs)).toBeLessThanOrEqual(1000);
    expect(tampering).toMatchObject({ logsTruncated: true });
    expect(seen).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
  });

  it('carries a flood of SDK calls a few at a time and stops it where the host would start refusing', async () => {
    let inFlight = 0;
    let most = 0;
    let handled = 0;
    const flood = (maxSdkCalls: number) =>
      run(
        `export default async (ctx) => {
          const answers = [];
          let stopped = '';
          try {
            for (let i = 0; i < 1000000; i++)
              answers.push(ctx.records.get('a', String(i)).then(() => 'ok', (e) => e.message));
          } catch (e) {
            stopped = e.message;
          }
          const settled = await Promise.all(answers);
          return { made: answers.length, stopped, ok: settled.filter((a) => a === 'ok').length };
        }`,
        {},
        { maxSdkCalls, memoryMb: 128, timeoutMs: 30_000, cpuMs: 30_000 },
        async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setImmediate(resolve));
          inFlight -= 1;
          handled += 1;
          return null;
        },
      );
    expect(await flood(5000)).toMatchObject({
      ok: true,
      sdkCalls: 1004,
      output: {
        made: 1004,
        ok: 1004,
        stopped: 'Too many SDK calls are waiting (at most 1000); await some answers before starting more',
      },
    });
    expect(handled).toBe(1004);
    expect(most).toBeLessThanOrEqual(4);
    expect(await flood(300)).toMatchObject({
      ok: true,
      sdkCalls: 300,
      output: { made: 300, ok: 300, stopped: 'SDK call limit reached (300 calls per run)' },
    });
  }, 60_000);

  it('refuses values nested too deeply in either direction, without a stack overflow', async () => {
    const handled: string[] = [];
    const sdk: SdkHandler = async (op) => {
      handled.push(op);
      return op === 'records.get' ? deep(5000) : null;
    };
    const result = await run(
      `export default async (ctx) => {
        const message = (p) => p.then(() => 'passed', (e) => e.message);
        let nested = {};
        for (let i = 0; i < 1000; i++) nested = { nested };
        return [await message(ctx.records.create('a', nested)), await message(ctx.records.get('a', 'b'))];
      }`,
      {},
      {},
      sdk,
    );
    expect(result).toMatchObject({
      ok: true,
      output: [
        'A value in an SDK call is nested deeper than 64 levels',
        expect.stringContaining('nested deeper than 64 levels'),
      ],
    });
    expect(handled).toEqual(['records.get']);

    const output = await run(
      'export default () => { let v = {}; for (let i = 0; i < 1000; i++) v = [v]; return v; }',
    );
    expect(output).toMatchObject({
      ok: false,
      error: { code: 'output_limit', message: expect.stringContaining('64') },
    });
    expect(await run('export default (ctx) => 1', deep(10_000))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('speaks the run’s language: Russian by default', async () => {
    const compiled = await compileScript('export default () => { for (;;) {} }');
    if (!compiled.ok) throw new Error('compile');
    const result = await runner.run(
      { script: compiled.script, input: null, limits: effectiveLimits({ timeoutMs: 100 }) },
      noSdk,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'timeout', message: expect.stringContaining('100 мс') },
    });
  });
});
