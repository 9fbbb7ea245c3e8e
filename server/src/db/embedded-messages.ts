/** What the embedded database's thread is started with. */
export interface EmbeddedWorkerOptions {
  /** PGlite's data directory; undefined for an in-memory database. */
  dataDir: string | undefined;
  /** The Unix socket it serves the Postgres protocol on (libpq's `<dir>/.s.PGSQL.<port>`). */
  socketPath: string;
}

/** Sent by the thread to the server. */
export type FromEmbeddedWorker =
  | { type: 'ready' }
  | { type: 'notification'; channel: string; payload: string }
  /** PGlite could not start, or broke while running a query: the thread exits right after. */
  | { type: 'failed'; message: string };

/** Sent by the server to the thread. */
export type ToEmbeddedWorker = { type: 'close' };
