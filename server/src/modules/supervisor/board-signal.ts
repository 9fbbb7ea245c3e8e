import { liveAddress } from '../../adapters/live-hub/live-address.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Em } from '../../db/database.js';

/**
 * Tells supervisors' boards to read themselves again (leaves when tx commits). Only for changes no conversation
 * event carries — an operator's status or profile, a rating —: the boards already hear every dialog's changes.
 */
export function signalBoard(hub: LiveHub | undefined, tx: Em): Promise<void> {
  return hub ? hub.send(tx, [liveAddress.supervisors], { type: 'board' }) : Promise.resolve();
}
