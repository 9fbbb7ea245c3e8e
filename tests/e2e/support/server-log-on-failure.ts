import { beforeEach } from 'vitest';
import { runningServers } from './server-process.js';

/** What of a server's log a failed test prints: its last lines, where a stall or a crash shows. */
const tailChars = 6_000;

// Set up for every e2e file: a failed test prints the log of each server its file started (warnings and errors
// only, at the servers' log level), so a CI failure shows what the server saw, not only what the browser did.
beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    for (const server of runningServers) {
      const log = server.output();
      if (!log.trim()) continue;
      console.error(
        `The log of the server at ${server.baseUrl} (its last ${tailChars} characters):\n${log.slice(-tailChars)}`,
      );
    }
  });
});
