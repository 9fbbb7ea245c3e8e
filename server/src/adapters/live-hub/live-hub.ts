import type { LiveMessage } from '@opora/sdk';
import type { WebSocket } from 'ws';
import type { Database, Em } from '../../db/database.js';
import type { Unlisten } from '../../db/listen.js';

/** The one NOTIFY channel live messages travel on between server processes. */
export const liveChannel = 'opora_live';

interface Envelope {
  to: string[];
  message: LiveMessage;
}

interface Connection {
  socket: WebSocket;
  alive: boolean;
  /** Whether the session that opened the socket still holds (not signed out, not expired). */
  stillValid: () => Promise<boolean>;
}

const heartbeatMs = 30_000;

/**
 * Live pushes to signed-in users' browsers. A writer queues a message with {@link LiveHub.send} inside its
 * transaction (a NOTIFY, delivered only if it commits); every server process listens and passes the message to
 * the sockets it holds for the addressed users, so it does not matter which process a browser is connected to.
 */
export class LiveHub {
  private readonly connections = new Map<string, Set<Connection>>();
  private unlisten: Unlisten | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly log: { warn: (obj: object, msg: string) => void } = { warn: () => undefined },
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(liveChannel, (payload) => this.deliver(payload));
    this.heartbeat = setInterval(
      () => void this.beat().catch((err: unknown) => this.log.warn({ err }, 'live heartbeat failed')),
      heartbeatMs,
    );
    this.heartbeat.unref();
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.unlisten?.();
    this.unlisten = null;
    for (const set of this.connections.values()) for (const c of set) c.socket.close(1001, 'server stopping');
    this.connections.clear();
  }

  /** Queues a message to the users' sockets on every server process; it leaves when tx commits. */
  async send(tx: Em, to: Iterable<string>, message: LiveMessage): Promise<void> {
    const users = [...new Set(to)];
    if (!users.length) return;
    const envelope: Envelope = { to: users, message };
    await this.db.query('select pg_notify(?, ?)', [liveChannel, JSON.stringify(envelope)], tx);
  }

  attach(userId: string, socket: WebSocket, stillValid: () => Promise<boolean>): void {
    const connection: Connection = { socket, alive: true, stillValid };
    const set = this.connections.get(userId) ?? new Set();
    set.add(connection);
    this.connections.set(userId, set);
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('close', () => {
      set.delete(connection);
      if (!set.size) this.connections.delete(userId);
    });
  }

  private deliver(payload: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch (err) {
      this.log.warn({ err }, 'malformed live message');
      return;
    }
    const text = JSON.stringify(envelope.message);
    for (const userId of envelope.to)
      for (const { socket } of this.connections.get(userId) ?? [])
        if (socket.readyState === socket.OPEN) socket.send(text);
  }

  /** Drops sockets that stopped answering pings or whose session ended; pings the rest. */
  private async beat(): Promise<void> {
    for (const set of this.connections.values())
      for (const connection of set) {
        if (!connection.alive) {
          connection.socket.terminate();
          continue;
        }
        if (!(await connection.stillValid().catch(() => true))) {
          connection.socket.close(4401, 'session ended');
          continue;
        }
        connection.alive = false;
        connection.socket.ping();
      }
  }
}
