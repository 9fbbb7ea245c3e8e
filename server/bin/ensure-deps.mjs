// Runs before `npm start` / `npm test` with plain Node (no dependencies needed): installs the packages when
// node_modules is missing or older than package-lock.json, so the two README commands work on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('Installing dependencies (npm install, locked versions)…');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
