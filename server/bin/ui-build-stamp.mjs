// Which UI builds are stale: a UI's dist/ holds a stamp, the hash of everything its bundle is made from, written
// after a successful build; a start on an unchanged checkout finds the same hash and skips the (minutes long)
// Vite build. Plain Node, no dependencies: it runs before `npm start` and `npm test`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The single-page apps and the chat widget, each built by `npm run build -w <app>` into `<app>/dist`. */
export const uiApps = ['designer', 'portal', 'widget'];

/** The file a finished build of an app always has (the widget is one script, not a page). */
const builtEntry = (app) => (app === 'widget' ? 'widget.js' : 'index.html');

// The workspace packages the UIs bundle (their imports of @opora/*), and what decides every dependency's version.
const sharedInputs = ['runtime', 'sdk', 'package-lock.json', 'tsconfig.base.json'];
// Never part of a bundle: installed packages, build output, type-check output, tests (Vite never imports them).
const skippedDirectories = new Set(['node_modules', 'dist', '.tsbuild']);
const testFile = /\.test\.[cm]?[jt]sx?$/;

/** Every file a UI's bundle may depend on, as paths relative to the repository root, sorted. */
export function buildInputs(root, app) {
  return [app, ...sharedInputs].flatMap((path) => filesUnder(root, path)).sort();
}

function filesUnder(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return testFile.test(path) ? [] : [path];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => !(entry.isDirectory() && skippedDirectories.has(entry.name)))
    .flatMap((entry) =>
      entry.isDirectory() || entry.isFile() ? filesUnder(root, join(path, entry.name)) : [],
    );
}

/** The hash of a UI's inputs: paths and contents, so a checkout that only touches file times changes nothing. */
export function inputsHash(root, app) {
  const hash = createHash('sha256');
  for (const file of buildInputs(root, app)) {
    hash.update(file);
    hash.update('\0');
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stampPath = (root, app) => join(root, app, 'dist', '.build-stamp');

/** Whether `app` must be built: no build, or one made from other sources than the ones checked out now. */
export function needsBuild(root, app) {
  const hash = inputsHash(root, app);
  const built = existsSync(join(root, app, 'dist', builtEntry(app))) && existsSync(stampPath(root, app));
  return { needed: !built || readFileSync(stampPath(root, app), 'utf8').trim() !== hash, hash };
}

/** Records that `app`'s dist/ was built from the sources whose hash is given (call after the build succeeded). */
export function writeStamp(root, app, hash) {
  writeFileSync(stampPath(root, app), `${hash}\n`);
}
