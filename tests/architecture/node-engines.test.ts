import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

/**
 * The README and package.json promise a Node version; a locked package that needs a newer one breaks that promise
 * on a machine that has exactly what we promised (sanitize-html 2.18 and cookie 2 once asked for Node 22).
 */
describe('the promised Node version', () => {
  const promised: string = readJson('package.json').engines.node;
  const oldestPromised = semver.minVersion(promised)?.version ?? '';

  it('is one version range with a lowest version', () => {
    // server/bin/ensure-deps.mjs reads this form without a semver library.
    expect(promised).toMatch(/^>=\d+\.\d+$/);
    expect(oldestPromised).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is accepted by every locked package', () => {
    const lock = readJson('package-lock.json') as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const wanted = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      if (!wanted || semver.satisfies(oldestPromised, wanted)) return [];
      return [`${path.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${wanted}`];
    });
    expect(refusing).toEqual([]);
  });

  it('is the one the README names', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const [major, minor] = oldestPromised.split('.');
    expect(readme).toContain(`Node.js ${major}.${minor}`);
  });
});
