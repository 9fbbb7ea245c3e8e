import { fork } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxWorkerBundle } from './worker-bundle.js';

// What a worker must never load: the compiler side of scripts (TypeScript alone was ~130 MB and 1.5 s per worker).
const compilerSide = [
  /node_modules\/typescript\//,
  /node_modules\/ajv/,
  /node_modules\/esbuild\//,
  /adapters\/script-toolchain\//,
  /runtime\/src\/scripts\/index\.ts$/,
  /runtime\/src\/index\.ts$/,
];

// Preloaded into the worker: when it reports ready, writes down every CommonJS module loaded and its memory.
const probe = `
const { writeFileSync } = require('node:fs');
const send = process.send.bind(process);
process.send = (message, ...rest) => {
  if (message && message.type === 'ready')
    writeFileSync(process.env.PROBE_OUT, JSON.stringify({ modules: Object.keys(require.cache), rss: process.memoryUsage().rss }));
  return send(message, ...rest);
};`;

describe('the sandbox worker', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'opora-worker-graph-'));
    await writeFile(join(dir, 'probe.cjs'), probe);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is built from the runner alone: no TypeScript, ajv, esbuild or scripts barrel in its bundle', () => {
    const { inputs } = sandboxWorkerBundle();
    expect(inputs.some((input) => input.endsWith('adapters/sandbox/isolate-runner.ts'))).toBe(true);
    for (const pattern of compilerSide)
      expect(
        inputs.filter((input) => pattern.test(input)),
        String(pattern),
      ).toEqual([]);
  });

  it('boots on plain Node with only isolated-vm and source maps loaded, in well under 150 MB', async () => {
    const out = join(dir, 'loaded.json');
    const child = fork(sandboxWorkerBundle().path, [], {
      execArgv: ['--no-node-snapshot', '--require', join(dir, 'probe.cjs')],
      env: { ...process.env, PROBE_OUT: out },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.on('message', (message: { type: string }) => message.type === 'ready' && resolve());
      child.on('exit', (code) => reject(new Error(`the worker exited (${code}) before it was ready`)));
    });
    child.disconnect();
    const { modules, rss } = JSON.parse(await readFile(out, 'utf8')) as { modules: string[]; rss: number };
    expect(modules.filter((m) => m.includes('/node_modules/typescript/'))).toEqual([]);
    expect(modules.filter((m) => m.includes('/node_modules/tsx/'))).toEqual([]);
    expect(modules.some((m) => m.includes('isolated-vm'))).toBe(true);
    expect(rss).toBeLessThan(150 * 1024 * 1024);
  });
});
