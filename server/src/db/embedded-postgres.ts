import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DatabaseUnavailableError } from './connection-check.js';
import type {
  EmbeddedStatusLayout,
  EmbeddedWorkerOptions,
  FromEmbeddedWorker,
  ToEmbeddedWorker,
} from './embedded-messages.js';
import { describeEmbeddedStatus } from './embedded-status.js';

/** Where the `pg` driver reaches the embedded database: a Unix socket directory, as libpq's `host`. */
export interface EmbeddedConnection {
  host: string;
  port: number;
  user: string;
  dbName: string;
}

/** PGlite in a worker thread, served on a Unix socket. */
export interface EmbeddedPostgres {
  readonly connection: EmbeddedConnection;
  /** Why it stopped without being asked to; undefined while it runs. */
  readonly failure: Error | undefined;
  /** Every NOTIFY the backend receives (it is sent only what someone LISTENs to). */
  onNotification(handler: (channel: string, payload: string) => void): void;
  /** Called once if the thread stops without being asked to. */
  onFailure(handler: (error: Error) => void): void;
  /** What the backend is doing now, in words for the log (a statement running long, messages queued). */
  describe(): string;
  /** Closes PGlite cleanly (its files are consistent afterwards); a thread that does not answer is terminated. */
  stop(): Promise<void>;
}

const socketPort = 5432;
const statusLayout: EmbeddedStatusLayout = {
  busySince: 0,
  heardAt: 1,
  connections: 2,
  queued: 3,
  inTransaction: 4,
  messageLength: 5,
  messageOffset: 64,
};
/** The status's size: its slots and the first bytes of the running message (enough to tell the statement). */
const statusBytes = statusLayout.messageOffset + 256;
const stopTimeoutMs = 15_000;
// Temporary-file cleaners (systemd-tmpfiles: 10 days) remove what looks unused; Postgres touches its socket too.
const touchEveryMs = 60 * 60 * 1000;

/**
 * Starts the embedded database: `dataDir` holds its files (`undefined`: in memory, for tests). The socket sits
 * in a fresh directory only this user can enter (PGlite has no passwords, so no TCP port other local users
 * could reach).
 */
export async function startEmbeddedPostgres(dataDir: string | undefined): Promise<EmbeddedPostgres> {
  const socketDir = await mkdtemp(join(tmpdir(), 'opora-db-'));
  const socketPath = join(socketDir, `.s.PGSQL.${socketPort}`);
  const status = new SharedArrayBuffer(statusBytes);
  const workerData: EmbeddedWorkerOptions = { dataDir, socketPath, status, statusLayout };
  // No execArgv: the thread needs neither the server's TypeScript loader nor its flags.
  const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), { workerData, execArgv: [] });
  const where = dataDir ? `in ${dataDir}` : 'in memory';
  const notificationHandlers: ((channel: string, payload: string) => void)[] = [];
  const failureHandlers: ((error: Error) => void)[] = [];
  let failure: Error | undefined;
  let reason: string | undefined;
  let stopping = false;

  // Resolves once the thread has ended and its socket directory is gone.
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => void rm(socketDir, { recursive: true, force: true }).finally(resolve)),
  );
  const touch = setInterval(() => {
    const now = new Date();
    for (const path of [socketDir, socketPath]) void utimes(path, now, now).catch(() => undefined);
  }, touchEveryMs);
  touch.unref();
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: FromEmbeddedWorker) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'notification')
        for (const handler of notificationHandlers) handler(message.channel, message.payload);
      else reason = message.message;
    });
    worker.on('error', (error) => {
      reason ??= error.message;
    });
    worker.on('exit', (code) => {
      clearInterval(touch);
      if (stopping) return;
      const why = reason ?? `its thread exited with code ${code}`;
      failure = new Error(`The embedded database (PGlite ${where}) stopped: ${why}`);
      reject(new DatabaseUnavailableError(`The embedded database (PGlite ${where}) could not start: ${why}`));
      for (const handler of failureHandlers) handler(failure);
    });
  });
  await ready;
  // Like the in-process database it replaces, it does not keep a finished program alive on its own.
  worker.unref();
  return {
    connection: { host: socketDir, port: socketPort, user: 'postgres', dbName: 'postgres' },
    get failure() {
      return failure;
    },
    onNotification: (handler) => notificationHandlers.push(handler),
    onFailure: (handler) => failureHandlers.push(handler),
    describe: () => describeEmbeddedStatus(status, statusLayout, Date.now()),
    async stop() {
      if (failure || stopping) return exited;
      stopping = true;
      worker.ref();
      worker.postMessage({ type: 'close' } satisfies ToEmbeddedWorker);
      // A thread stuck in a query cannot read its messages; terminating it is what kill -9 would do.
      const timer = setTimeout(() => void worker.terminate(), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
