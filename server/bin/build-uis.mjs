// `npm run build` (always) and before `npm start` / `npm test` (only what changed): builds the designer, the
// portal and the chat widget with Vite, skipping one whose dist/ was built from the very sources checked out now
// (ui-build-stamp.mjs), so a restart on an unchanged checkout serves in seconds instead of waiting minutes for
// identical bundles. Each dist/ then gets brotli and gzip copies of its text files (precompress.mjs), also for a
// build made before compression was added.
import { execSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.mjs';
import { needsBuild, uiApps, writeStamp } from './ui-build-stamp.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const always = process.argv.includes('--always');

for (const app of uiApps) {
  const { needed, hash } = needsBuild(root, app);
  if (!needed && !always) console.log(`${app}: built from the current sources, not rebuilding`);
  else {
    console.log(`Building the ${app} (Vite)…`);
    execSync(`npm run build -w ${app}`, { cwd: root, stdio: 'inherit' });
    writeStamp(root, app, hash);
  }
  const written = precompress(join(root, app, 'dist'));
  if (written > 0) console.log(`${app}: ${written} compressed copies (brotli, gzip) written`);
}
