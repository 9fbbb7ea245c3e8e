import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const sourceFolders = ['runtime/src', 'sdk/src', 'server/src', 'designer/src', 'portal/src'];
/** Where test data and test harnesses live: a package's `test-fixtures/`, the server's `testing/` harness. */
const testOnly = /(^|\/)(test-fixtures|testing)\//;
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function sources(folder: string): string[] {
  return (readdirSync(join(root, folder), { recursive: true }) as string[])
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .map((file) =>
      relative(root, join(root, folder, file))
        .split(sep)
        .join('/'),
    );
}
const all = sourceFolders.flatMap(sources);

describe('test fixtures stay out of the product', () => {
  it('keeps no fixture file among production sources', () => {
    expect(all.filter((f) => /fixture/i.test(f) && !testOnly.test(f))).toEqual([]);
  });

  it('lets no production file import a fixture or the test harness', () => {
    const offenders = all
      .filter((f) => !isTest(f) && !testOnly.test(f))
      .flatMap((f) =>
        [...readFileSync(join(root, f), 'utf8').matchAll(/from\s+'([^']+)'/g)]
          .map((m) => m[1] as string)
          .filter((spec) => /fixture/i.test(spec) || testOnly.test(spec))
          .map((spec) => `${f} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('publishes fixtures from a package only under a test-only subpath', () => {
    const exported = ['runtime', 'sdk', 'server'].flatMap((pkg) => {
      const { exports } = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')) as {
        exports: Record<string, string>;
      };
      return Object.entries(exports)
        .filter(([name, target]) => /fixture/i.test(target) && !testOnly.test(`${name}/`))
        .map(([name]) => `${pkg} ${name}`);
    });
    expect(exported).toEqual([]);
  });
});
