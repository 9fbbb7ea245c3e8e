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

export interface Connection {
  socket: WebSocket;
  /** What it listens on (see `live-address.ts`). */
  addresses: Set<string>;
  alive: boolean;
  /** Whether the session that opened the socket still holds (not signed out, not expired). */
  stillValid: () => Promise<boolean>;
}

const heartbeatMs = 30_000;

/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; a margin keeps the envelope's own JSON in. */
const maxPayloadBytes = 7_500;

/** Whether a live envelope fits one NOTIFY; writers slim down what they push when it does not. */
export function fitsLivePayload(json: string): boolean {
  return json.length <= maxPayloadBytes / 4 || Buffer.byteLength(json) <= maxPayloadBytes;
}

/**
 * Live pushes to signed-in users' browsers. A writer queues a message with {@link LiveHub.send} inside its
 * transaction (a NOTIFY, delivered only if it commits); every server process listens and passes the message to
 * the sockets it holds for the addressed users, so it does not matter which process a browser is connected to.
 */
export class LiveHub {
  private readonly connections = new Set<Connection>();
  private readonly byAddress = new Map<string, Set<Connection>>();
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
    for (const c of this.connections) c.socket.close(1001, 'server stopping');
    this.connections.clear();
    this.byAddress.clear();
  }

  /**
   * Queues a message to the sockets listening on any of the addresses (see `live-address.ts`), on every server
   * process; it leaves when tx commits. A socket on several of them gets it once.
   */
  send(tx: Em, to: Iterable<string>, message: LiveMessage): Promise<void> {
    return this.sendMany(tx, [{ to, message }]);
  }

  /** Several messages, each as {@link LiveHub.send} would, in one statement (with the transaction's other NOTIFYs). */
  async sendMany(tx: Em, items: readonly { to: Iterable<string>; message: LiveMessage }[]): Promise<void> {
    const payloads: string[] = [];
    for (const item of items) {
      const addresses = [...new Set(item.to)];
      if (!addresses.length) continue;
      const payload = JSON.stringify({ to: addresses, message: item.message } satisfies Envelope);
      // A NOTIFY payload over PostgreSQL's limit would fail the writer's transaction: a push is never worth that.
      if (fitsLivePayload(payload)) payloads.push(payload);
      else
        this.log.warn(
          { type: item.message.type, bytes: Buffer.byteLength(payload) },
          'live message too large, dropped',
        );
    }
    await this.db.notify(liveChannel, payloads, tx);
  }

  /** Delivers what is sent to any of `addresses` to this socket until it closes. */
  attach(addresses: readonly string[], socket: WebSocket, stillValid: () => Promise<boolean>): Connection {
    const connection: Connection = { socket, alive: true, stillValid, addresses: new Set() };
    this.connections.add(connection);
    for (const address of addresses) this.join(connection, address);
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('close', () => {
      this.connections.delete(connection);
      for (const address of connection.addresses) this.leave(connection, address);
    });
    return connection;
  }

  /** Adds a room to a socket's addresses (an operator opens a conversation). */
  join(connection: Connection, address: string): void {
    if (connection.addresses.has(address)) return;
    connection.addresses.add(address);
    const set = this.byAddress.get(address) ?? new Set();
    set.add(connection);
    this.byAddress.set(address, set);
  }

  leave(connection: Connection, address: string): void {
    connection.addresses.delete(address);
    const set = this.byAddress.get(address);
    set?.delete(connection);
    if (set && !set.size) this.byAddress.delete(address);
  }

  /** How many sockets of this process listen on an address (presence as this process sees it). */
  listeners(address: string): number {
    return this.byAddress.get(address)?.size ?? 0;
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
    const reached = new Set<Connection>();
    for (const address of envelope.to) for (const c of this.byAddress.get(address) ?? []) reached.add(c);
    for (const { socket } of reached) if (socket.readyState === socket.OPEN) socket.send(text);
  }

  /** Drops sockets that stopped answering pings or whose session ended; pings the rest. */
  private async beat(): Promise<void> {
    for (const connection of [...this.connections]) {
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
