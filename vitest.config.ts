import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code; integration/e2e suites live in tests/ and talk to real databases and Chromium.
export default defineConfig({
  test: {
    // Most test time is spent waiting on databases, servers and the browser (one core stays idle with one worker):
    // two files at a time on a two-core machine.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          // isolated-vm on Node 20 needs the startup snapshot off in every process that loads it.
          execArgv: ['--no-node-snapshot'],
          include: [
            'runtime/src/**/*.test.ts',
            'sdk/src/**/*.test.ts',
            'designer/src/**/*.test.ts',
            'portal/src/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
          ],
          // Validating the whole template takes seconds on a loaded two-core machine; the default 5 s is too tight.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'server',
          execArgv: ['--no-node-snapshot'],
          include: [
            'server/src/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/security/**/*.test.ts',
          ],
          setupFiles: ['server/src/testing/cheap-password-hashing.ts'],
          // Files share their worker's modules: the server's module graph and PGlite's WebAssembly are loaded once per
          // worker instead of once per file (tens of seconds per file on a busy two-core machine). Every file makes
          // and closes its own apps and databases, so nothing else is shared.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // One Chromium for all the files (each connects to it; see the file).
          globalSetup: ['tests/e2e/support/chromium-server.ts'],
          // A failed test prints the log of its file's servers.
          setupFiles: ['tests/e2e/support/server-log-on-failure.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Each file starts its own server on its own port and data directory, and its own browser contexts:
          // they run beside the server project's files (two at a time), not in a serial tail after them.
          // A page on a busy two-core machine can take seconds to sign in and route (password hashing, the
          // server's other tests): the default second of expect.poll fails what the user would simply wait for.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
