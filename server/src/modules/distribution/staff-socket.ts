import type { WebSocket } from 'ws';
import { type Clock, dateOf } from '../../adapters/clock.js';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import type { Connection, LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import type { OperatorPresence } from './presence.js';
import type { PublishedLines } from './published-lines.js';
import { servedLineKeys } from './served-lines.js';

/**
 * A staff member's live socket: counts towards their presence (offline a while after the last one closes) and
 * listens to the queues of the lines they serve.
 */
export function staffSocketHook(deps: {
  db: Database;
  clock: Clock;
  hub: LiveHub;
  lines: PublishedLines;
  presence: OperatorPresence;
  log: { warn(obj: object, msg: string): void };
}) {
  return (actor: Actor, connection: Connection, socket: WebSocket) => {
    const join = async () => {
      await deps.presence.connected(actor.id);
      for (const key of await servedLineKeys(deps, actor, dateOf(deps.clock)))
        deps.hub.join(connection, liveAddress.line(key));
    };
    join().catch((err: unknown) => deps.log.warn({ err }, 'could not register a staff socket'));
    socket.on('close', () => deps.presence.disconnected(actor.id));
  };
}
