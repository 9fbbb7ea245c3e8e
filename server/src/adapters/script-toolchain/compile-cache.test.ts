import { describe, expect, it } from 'vitest';
import { CompileCache } from './compile-cache.js';

const source = (n: number) => `export default async function run() { return ${n}; }`;

describe('CompileCache', () => {
  it('answers the same source with the build it already made', async () => {
    const cache = new CompileCache();
    const first = await cache.compile(source(1));
    const again = await cache.compile(source(1));
    expect(first.ok && again.ok).toBe(true);
    // The very same object: a second esbuild run would have made a new one.
    expect(again).toBe(first);
    expect(await cache.compile(source(2))).not.toBe(first);
    expect(cache.size).toBe(2);
  });

  it('shares one compile between concurrent calls, and keeps syntax errors too', async () => {
    const cache = new CompileCache();
    const [a, b] = await Promise.all([cache.compile(source(3)), cache.compile(source(3))]);
    expect(b).toBe(a);
    const broken = await cache.compile('const a = ;');
    expect(broken.ok).toBe(false);
    expect(await cache.compile('const a = ;')).toBe(broken);
  });

  it('drops the least recently used source past its entry bound', async () => {
    const cache = new CompileCache({ maxEntries: 2, maxBytes: 1e9 });
    const one = await cache.compile(source(1));
    await cache.compile(source(2));
    await cache.compile(source(1)); // now the most recent
    await cache.compile(source(3)); // evicts 2
    expect(cache.size).toBe(2);
    expect(await cache.compile(source(1))).toBe(one);
    const two = await cache.compile(source(2));
    expect(two.ok).toBe(true);
    expect(cache.size).toBe(2);
  });

  it('keeps no more compiled bytes than its bound', async () => {
    const cache = new CompileCache({ maxEntries: 100, maxBytes: 8000 });
    const big = (n: number) =>
      `${source(n)}\n// ${'x'.repeat(300)}\nexport const pad${n} = "${'y'.repeat(300)}";`;
    for (let n = 0; n < 10; n++) await cache.compile(big(n));
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(10);
    const last = await cache.compile(big(9));
    expect(await cache.compile(big(9))).toBe(last);
  });
});
