import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface RunningServer {
  baseUrl: string;
  adminPassword: string;
  dataDir: string;
  output: () => string;
  /** SIGTERM, then the exit code once the process has shut down. */
  stop(options?: { keepData?: boolean }): Promise<number | null>;
}

/** The servers started in this file and not yet stopped (their logs are printed when a test fails). */
export const runningServers = new Set<RunningServer>();

/** Tries at a random port: another process may hold the one picked. */
const portTries = 3;

/** Starts the real server (as `npm start` does, on the built UIs) on a free port with a fresh embedded database. */
export async function startServer(
  env: Record<string, string> = {},
  reuseDataDir?: string,
): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnRandomPort(env, reuseDataDir);
    } catch (error) {
      if (attempt >= portTries || !(error instanceof PortTakenError)) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function startOnRandomPort(env: Record<string, string>, reuseDataDir?: string): Promise<RunningServer> {
  const dataDir = reuseDataDir ?? mkdtempSync(join(tmpdir(), 'opora-e2e-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const adminPassword = 'e2e-admin-password';
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--no-node-snapshot', '--import', 'tsx', 'server/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_PASSWORD: adminPassword,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        // The demo team's dialogs would wait in the lines' queues of every test; the lifecycle test turns them on.
        DEMO_CONTENT: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(baseUrl, child, () => log);
  } catch (error) {
    if (!reuseDataDir) rmSync(dataDir, { recursive: true, force: true });
    if (log.includes('EADDRINUSE')) throw new PortTakenError(`port ${port} is taken`);
    throw error;
  }
  const server: RunningServer = {
    baseUrl,
    adminPassword,
    dataDir,
    output: () => log,
    async stop(options = {}) {
      runningServers.delete(server);
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      child.kill('SIGTERM');
      const code = await exited;
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
  runningServers.add(server);
  return server;
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).ok && log().includes('Opora is running')) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready in time:\n${log()}`);
}
