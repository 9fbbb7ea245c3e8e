import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInputs, needsBuild, writeStamp } from '../../server/bin/ui-build-stamp.mjs';

/** `npm start` rebuilds a UI only when what its bundle is made from changed since the build in its dist/. */
describe('UI build stamp', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  /** As build-uis.mjs does after a successful Vite build. */
  const build = (app: string) => {
    const { hash } = needsBuild(root, app);
    write(`${app}/dist/index.html`, '<!doctype html>');
    writeStamp(root, app, hash);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'opora-stamp-'));
    for (const app of ['designer', 'portal']) {
      write(`${app}/index.html`, `<title>${app}</title>`);
      write(`${app}/vite.config.ts`, 'export default {}');
      write(`${app}/src/main.tsx`, `console.log('${app}')`);
      write(`${app}/src/main.test.tsx`, 'test');
      write(`${app}/node_modules/some-dep/index.js`, 'dep');
    }
    write('runtime/src/definitions/schemas.ts', 'export {}');
    write('sdk/src/client.ts', 'export {}');
    write('package-lock.json', '{"lockfileVersion":3}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds what was never built, then not again while nothing changed', () => {
    expect(needsBuild(root, 'designer').needed).toBe(true);
    build('designer');
    expect(needsBuild(root, 'designer').needed).toBe(false);
    expect(needsBuild(root, 'portal').needed).toBe(true);
  });

  it('rebuilds a UI when its sources, page or config change, and only that UI', () => {
    build('designer');
    build('portal');
    write('designer/src/main.tsx', "console.log('changed')");
    expect(needsBuild(root, 'designer').needed).toBe(true);
    expect(needsBuild(root, 'portal').needed).toBe(false);
    build('designer');
    for (const [path, text] of [
      ['portal/index.html', '<title>new</title>'],
      ['portal/vite.config.ts', 'export default { base: "/" }'],
      ['portal/src/new-widget.tsx', 'export {}'],
    ] as const) {
      write(path, text);
      expect(needsBuild(root, 'portal').needed, path).toBe(true);
      build('portal');
    }
    unlinkSync(join(root, 'portal/src/new-widget.tsx'));
    expect(needsBuild(root, 'portal').needed, 'a deleted file').toBe(true);
  });

  it('rebuilds both when a package they bundle or the lockfile changes', () => {
    build('designer');
    build('portal');
    write('runtime/src/definitions/schemas.ts', 'export const x = 1');
    expect([needsBuild(root, 'designer').needed, needsBuild(root, 'portal').needed]).toEqual([true, true]);
    build('designer');
    build('portal');
    write('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect([needsBuild(root, 'designer').needed, needsBuild(root, 'portal').needed]).toEqual([true, true]);
  });

  it('ignores tests, installed packages, new file times, and rebuilds a dist that lost its page', () => {
    build('designer');
    write('designer/src/main.test.tsx', 'another test');
    write('designer/node_modules/some-dep/index.js', 'other version');
    utimesSync(join(root, 'designer/src/main.tsx'), new Date(), new Date(Date.now() + 60_000));
    expect(needsBuild(root, 'designer').needed).toBe(false);
    expect(buildInputs(root, 'designer')).not.toContain(join('designer', 'src', 'main.test.tsx'));
    unlinkSync(join(root, 'designer/dist/index.html'));
    expect(needsBuild(root, 'designer').needed).toBe(true);
  });
});
