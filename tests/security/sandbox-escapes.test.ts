import { effectiveLimits, type RunResult, type ScriptLimits } from '@opora/runtime/scripts';
import { SandboxPool } from '@opora/server/adapters/sandbox/sandbox-pool';
import { compileScript } from '@opora/server/adapters/script-toolchain/compile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Escape and abuse attempts: each must fail cleanly, and the host (and the next script) must carry on. */
describe('sandbox: escape and abuse attempts', () => {
  let pool: SandboxPool;
  const sdkCalls: string[] = [];
  beforeAll(() => {
    pool = new SandboxPool({ size: 2, graceMs: 2000 });
  });
  afterAll(() => pool.close());

  async function run(source: string, limits: Partial<ScriptLimits> = {}): Promise<RunResult> {
    const compiled = await compileScript(source);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    return pool.run(
      { script: compiled.script, input: { a: 1 }, limits: effectiveLimits(limits), locale: 'en' },
      async (op, args) => {
        sdkCalls.push(op);
        return op === 'records.get' ? { id: args[1], data: { subject: 'x' } } : null;
      },
    );
  }
  const outputOf = async (source: string) => {
    const result = await run(source);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.output;
  };

  it.each([
    [
      'this.constructor.constructor',
      `return (function () { return this })().constructor.constructor('return typeof process')()`,
    ],
    [
      'Function via an error',
      `try { null.x } catch (e) { return e.constructor.constructor('return typeof process')() }`,
    ],
    ['Function via a promise', `return Promise.resolve().constructor.constructor('return typeof require')()`],
    ['Function via a bridged value', `return ctx.input.constructor.constructor('return typeof process')()`],
    [
      'Function via SDK functions',
      `return ctx.records.get.constructor('return typeof __oporaHost + typeof process')()`,
    ],
    ['async Function', `return (async () => {}).constructor('return typeof process')().then(String)`],
    ['Proxy traps', `const p = new Proxy({}, { get: (t, k) => k }); return typeof p.process + String(p.x)`],
    [
      'Symbol.species tricks',
      `class E extends Array { static get [Symbol.species]() { return function () { return globalThis; }; } } const g = new E(1).map((x) => x); return typeof g.process + ':' + typeof g.require + ':' + typeof g.__oporaHost`,
    ],
    [
      'getters on bridged objects',
      `let hit = 'none'; Object.defineProperty(Object.prototype, 'then', { get() { hit = typeof process; return undefined; }, configurable: true }); return ctx.records.get('a', 'b').then(() => hit)`,
    ],
  ])('%s reaches no host object', async (_name, body) => {
    const output = await outputOf(`export default async function run(ctx) { ${body} }`);
    expect(String(output)).not.toMatch(/object|function/);
  });

  it('has no host globals', async () => {
    const output = await outputOf(
      `export default () => ['process','require','module.require','Buffer','setTimeout','fetch','globalThis.__oporaHost','import.meta'].map((n) => { try { return n + ':' + typeof eval(n === 'import.meta' ? 'undefined' : n); } catch { return n + ':blocked'; } })`,
    );
    expect((output as string[]).filter((x) => !/:undefined$|:blocked$|^module\.require:/.test(x))).toEqual(
      [],
    );
  });

  it('cannot pollute host values through bridged copies', async () => {
    await outputOf(
      `export default async (ctx) => { const r = await ctx.records.get('a', 'b'); Object.getPrototypeOf(r).polluted = 'yes'; r.__proto__.x = 1; return 1; }`,
    );
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    expect(await outputOf(`export default () => ({}).polluted ?? 'clean'`)).toBe('clean');
  });

  it('cannot read a secret’s value: the handle carries only the name', async () => {
    expect(await outputOf(`export default (ctx) => JSON.stringify(ctx.secret('crm-token'))`)).toBe(
      '{"$secret":"crm-token"}',
    );
  });

  it.each([
    ['a sync infinite loop', 'export default () => { while (true) {} }', ['timeout', 'cpu_limit']],
    [
      'a loop in a microtask',
      'export default async () => { await null; for (;;) {} }',
      ['timeout', 'cpu_limit'],
    ],
    [
      'an endless promise chain',
      'export default () => { const spin = () => Promise.resolve().then(spin); return spin(); }',
      ['timeout', 'cpu_limit', 'memory_limit'],
    ],
    [
      'a huge array',
      'export default () => { const a = []; for (;;) a.push({ n: a.length, s: "x".repeat(100) }); }',
      ['memory_limit', 'timeout', 'cpu_limit'],
    ],
    [
      'a huge string',
      'export default () => { let s = "x"; for (;;) s += s; }',
      ['memory_limit', 'runtime_error', 'timeout'],
    ],
    [
      'deep recursion',
      'export default () => { const f = (n) => f(n + 1) + 1; return f(0); }',
      ['runtime_error'],
    ],
  ])('stops %s cleanly', async (_name, source, codes) => {
    const result = await run(source, { timeoutMs: 500, cpuMs: 400, memoryMb: 32 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(codes).toContain(result.error.code);
    expect(await outputOf('export default () => "still serving"')).toBe('still serving');
  });

  it('caps huge log output and floods of SDK calls', async () => {
    const logs = await run(
      'export default (ctx) => { for (let i = 0; i < 100000; i++) ctx.log.info("x".repeat(100)); return "done"; }',
      { maxLogBytes: 10_000, timeoutMs: 5000, cpuMs: 5000 },
    );
    expect(logs).toMatchObject({ ok: true, logsTruncated: true });
    expect(logs.logs.reduce((n, l) => n + l.message.length, 0)).toBeLessThanOrEqual(10_001);
    const before = sdkCalls.length;
    const flood = await run(
      'export default async (ctx) => { let n = 0; try { for (;;) { await ctx.records.get("a", "b"); n++; } } catch (e) { return n; } }',
      { maxSdkCalls: 20 },
    );
    expect(flood).toMatchObject({ ok: true, output: 20 });
    expect(sdkCalls.length - before).toBe(20);
  });

  it('keeps the log budget when a script fakes a log message (fake length, replaced built-ins)', async () => {
    const result = await run(
      `export default (ctx) => {
        const big = 'x'.repeat(1024 * 1024);
        Array.prototype.join = function () { return { length: 1, big }; };
        Array.prototype.map = function () { return { join: () => ({ length: 1, big }) }; };
        JSON.stringify = () => JSON.parse('["info",{"length":1}]');
        for (let i = 0; i < 20; i++) ctx.log.info(big, big);
        return 'done';
      }`,
      { maxLogBytes: 4096, memoryMb: 128, timeoutMs: 10_000, cpuMs: 10_000 },
    );
    expect(result).toMatchObject({ ok: true, output: 'done', logsTruncated: true });
    const stored = result.logs.reduce((n, l) => n + Buffer.byteLength(l.message), 0);
    expect(stored).toBeLessThanOrEqual(4096);
    expect(result.logs.every((l) => typeof l.message === 'string')).toBe(true);
  });

  it('stops a million-call SDK flood at the call limit, a few calls at a time, and keeps serving', async () => {
    const result = await run(
      `export default async (ctx) => {
        const calls = [];
        try { for (let i = 0; i < 1000000; i++) calls.push(ctx.records.get('a', String(i)).then(() => 1, () => 0)); }
        catch (e) { return [calls.length, e.message, (await Promise.all(calls)).reduce((a, b) => a + b, 0)]; }
      }`,
      { maxSdkCalls: 500, timeoutMs: 20_000, cpuMs: 10_000 },
    );
    expect(result).toMatchObject({
      ok: true,
      output: [500, 'SDK call limit reached (500 calls per run)', 500],
    });
    expect(await outputOf('export default () => "still serving"')).toBe('still serving');
  });

  it('refuses values nested too deeply at the boundary, both ways, without a stack overflow', async () => {
    const output = await outputOf(`export default async (ctx) => {
      let deep = {};
      for (let i = 0; i < 5000; i++) deep = { deep };
      return ctx.records.create('a', deep).then(() => 'passed', (e) => e.message);
    }`);
    expect(output).toBe('A value in an SDK call is nested deeper than 64 levels');
    const returned = await run(
      'export default () => { let v = []; for (let i = 0; i < 5000; i++) v = [v]; return v; }',
    );
    expect(returned).toMatchObject({ ok: false, error: { code: 'output_limit' } });
    expect(await outputOf('export default () => "still serving"')).toBe('still serving');
  });
});
