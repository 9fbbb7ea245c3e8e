// @ts-check
/**
 * The embedded database's own thread. PGlite is Postgres compiled to WebAssembly and runs each query
 * synchronously, so it lives here, off the server's event loop: a slow query no longer holds up other
 * requests. The server talks to it through pglite-socket on a private Unix socket with the same `pg` driver
 * it uses for PostgreSQL, and hears NOTIFY payloads over this thread's port.
 *
 * Plain JavaScript (type-checked through JSDoc) so the thread starts without a TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @typedef {import('./embedded-messages.js').EmbeddedWorkerOptions} EmbeddedWorkerOptions */
/** @typedef {import('./embedded-messages.js').FromEmbeddedWorker} FromEmbeddedWorker */
/** @typedef {import('./embedded-messages.js').ToEmbeddedWorker} ToEmbeddedWorker */

if (!parentPort) throw new Error('embedded-worker.mjs runs only as a worker thread');
const port = parentPort;
/** @type {EmbeddedWorkerOptions} */
const options = workerData;

/** @param {FromEmbeddedWorker} message */
const send = (message) => port.postMessage(message);

/** @param {unknown} error */
function fail(error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  // Ends this thread only; the server sees it exit and reports the failure.
  process.exit(1);
}

/**
 * PGlite reports SQL errors as protocol messages; a throw from the raw protocol call means the WebAssembly
 * backend itself broke mid-query (out-of-bounds access, stack overflow). Its memory and locks are then in an
 * unknown state, so the thread stops rather than serve from it (the files recover like after a power cut).
 * @param {PGlite} pglite
 */
function stopOnBackendFault(pglite) {
  const execProtocolRaw = pglite.execProtocolRaw.bind(pglite);
  pglite.execProtocolRaw = async (message, execOptions) => {
    try {
      return await execProtocolRaw(message, execOptions);
    } catch (error) {
      fail(error);
      throw error;
    }
  };
}

/**
 * Shares what the backend is doing with the server, which reports it when requests stall: since when the message
 * being run started and its first bytes (its statement), and once a second the socket server's connections and
 * queued messages. In shared memory: a thread stuck in one statement cannot answer a message.
 * @param {PGlite} pglite
 * @param {PGLiteSocketServer} server
 */
function shareStatus(pglite, server) {
  const layout = options.statusLayout;
  const slots = new Float64Array(options.status, 0, layout.messageOffset / Float64Array.BYTES_PER_ELEMENT);
  const message = new Uint8Array(options.status, layout.messageOffset);
  const execProtocolRaw = pglite.execProtocolRaw.bind(pglite);
  pglite.execProtocolRaw = async (bytes, execOptions) => {
    const length = Math.min(bytes.length, message.length);
    message.set(bytes.subarray(0, length));
    slots[layout.messageLength] = length;
    slots[layout.busySince] = Date.now();
    try {
      return await execProtocolRaw(bytes, execOptions);
    } finally {
      slots[layout.busySince] = 0;
    }
  };
  const tell = () => {
    const stats = server.getStats();
    slots[layout.connections] = stats.activeConnections;
    slots[layout.queued] = stats.queuedQueries;
    slots[layout.inTransaction] = pglite.isInTransaction() ? 1 : 0;
    slots[layout.heardAt] = Date.now();
  };
  tell();
  setInterval(tell, 1000).unref();
}

async function start() {
  // Trigram similarity (typo-tolerant search) is a contrib extension PGlite loads only when asked.
  const pglite = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } });
  stopOnBackendFault(pglite);
  pglite.onNotification((channel, payload) => send({ type: 'notification', channel, payload }));
  // PGlite is one backend. The server's pool holds one connection (queries from two connections at once
  // could interleave inside one backend); the spare slots let a dropped connection be replaced at once.
  const server = new PGLiteSocketServer({ db: pglite, path: options.socketPath, maxConnections: 4 });
  shareStatus(pglite, server);
  await server.start();
  port.on('message', (/** @type {ToEmbeddedWorker} */ message) => {
    if (message.type === 'close') void close(server, pglite);
  });
  send({ type: 'ready' });
}

/**
 * @param {PGLiteSocketServer} server
 * @param {PGlite} pglite
 */
async function close(server, pglite) {
  try {
    await server.stop();
    await pglite.close();
    process.exit(0);
  } catch (error) {
    fail(error);
  }
}

start().catch(fail);
