// Runs before `npm start` / `npm test` with plain Node (no dependencies needed): installs the packages when
// node_modules is missing or older than package-lock.json, so the two README commands work on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

// The oldest Node the locked packages accept (Vite and the HTML sanitizer need 20.19): say so plainly instead of
// failing later inside a dependency. package.json's engines field reads ">=MAJOR.MINOR".
const wanted = JSON.parse(readFileSync('package.json', 'utf8')).engines.node;
const [wantMajor, wantMinor] = wanted.replace('>=', '').split('.').map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
  console.error(`Opora needs Node.js ${wantMajor}.${wantMinor} or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('Installing dependencies (npm install, locked versions)…');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
