import type { Clock } from '../../adapters/clock.js';
import { dateOf } from '../../adapters/clock.js';
import type { Database } from '../../db/database.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { portalAccount, publishedEntity, relationIds } from '../portal-account/portal-mapping.js';
import type { RecordSavedListener } from '../records/record-service.js';
import { followClient, writeThreadLater } from './open-thread.js';
import { threadParty } from './thread-party.js';

/**
 * Every new request gets its thread in the transaction that creates it (from the portal form, the work screen, a
 * script), and the thread follows the request to another client — which is how an anonymous request linked on
 * sign-up brings its thread into the client's account.
 */
export function threadListener(deps: {
  db: Database;
  definitions: DefinitionService;
  clock: Clock;
}): RecordSavedListener {
  const { db, definitions } = deps;
  return async ({ tx, entity, before, after, record }) => {
    const account = await portalAccount(definitions, tx);
    if (!account || entity !== account.requests) return;
    const client = account.requestClient;
    const moved = before !== null && relationIds(before[client]).join() !== relationIds(after[client]).join();
    if (before !== null && !moved) return;
    const body = await publishedEntity(definitions, entity, tx);
    const party = await threadParty(db, tx, { account, body }, after);
    // The request's row is already written (the save's statement runs before its listeners): the thread can point at it.
    const now = dateOf(deps.clock);
    if (before === null)
      await writeThreadLater(
        db,
        tx,
        { id: record.id, number: record.number, title: record.title },
        party,
        now,
      );
    else await followClient(db, tx, record.id, party, now);
  };
}
