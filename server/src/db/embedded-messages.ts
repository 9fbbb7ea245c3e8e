/** What the embedded database's thread is started with. */
export interface EmbeddedWorkerOptions {
  /** PGlite's data directory; undefined for an in-memory database. */
  dataDir: string | undefined;
  /** The Unix socket it serves the Postgres protocol on (libpq's `<dir>/.s.PGSQL.<port>`). */
  socketPath: string;
  /** Where the thread shares what it is doing (see {@link EmbeddedStatusLayout}). */
  status: SharedArrayBuffer;
  statusLayout: EmbeddedStatusLayout;
}

/**
 * How the thread's status sits in its shared memory: numbers (Float64 slots) and the first bytes of the protocol
 * message it runs. Shared memory, not messages: a thread stuck in one statement cannot answer any.
 */
export interface EmbeddedStatusLayout {
  /** Slot: when the message being run started (ms since the epoch), 0 while idle. */
  busySince: number;
  /** Slot: when the thread last wrote its counts (once a second while its event loop runs). */
  heardAt: number;
  /** Slots: the socket server's connections and queued messages, and 1 while a transaction is open. */
  connections: number;
  queued: number;
  inTransaction: number;
  /** Slot: how many bytes of the running message are copied at `messageOffset`. */
  messageLength: number;
  /** Byte offset of the copy of the running message's start; the buffer's end bounds it. */
  messageOffset: number;
}

/** Sent by the thread to the server. */
export type FromEmbeddedWorker =
  | { type: 'ready' }
  | { type: 'notification'; channel: string; payload: string }
  /** PGlite could not start, or broke while running a query: the thread exits right after. */
  | { type: 'failed'; message: string };

/** Sent by the server to the thread. */
export type ToEmbeddedWorker = { type: 'close' };
