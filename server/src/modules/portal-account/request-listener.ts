import { liveAddress } from '../../adapters/live-hub/live-address.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database } from '../../db/database.js';
import { message } from '../../http/messages.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { RecordSavedListener } from '../records/record-service.js';
import { clientUsers } from './client-users.js';
import type { NotificationService } from './notification-service.js';
import { portalAccount, publishedEntity, relationIds } from './portal-mapping.js';
import { statusOf } from './request-history.js';

/**
 * Keeps clients informed whoever changes their requests (operator screen, API, script, process): every save of
 * a portal request pushes `{type:'request'}` to the contact centre's screens and to the accounts of its client (before and after, should the request
 * move to another client), and a status change also leaves a notification for the current client. Runs in the
 * save's transaction, so a rolled-back save notifies nobody.
 */
export function requestListener(deps: {
  db: Database;
  definitions: DefinitionService;
  notifications: NotificationService;
  hub: LiveHub;
}): RecordSavedListener {
  const { db, definitions, notifications, hub } = deps;
  return async ({ tx, entity, before, after, record, actor }) => {
    const account = await portalAccount(definitions, tx);
    if (!account || entity !== account.requests) return;
    // Operators' windows count the team's open requests and mine: any save may move one in or out of a queue.
    await hub.send(tx, [liveAddress.contactCentre], { type: 'request', id: record.id });
    const now = relationIds(after[account.requestClient]);
    const clients = new Set([...relationIds(before?.[account.requestClient]), ...now]);
    if (!clients.size) return;
    const owners = await clientUsers(db, tx, [...clients]);
    if (!owners.length) return;
    await hub.send(
      tx,
      owners.map((o) => liveAddress.user(o.id)),
      { type: 'request', id: record.id },
    );

    const status = account.requestStatus;
    if (before === null || before[status] === after[status]) return;
    // The client who changed their own request does not need to be told about it.
    const told = owners.filter((o) => now.includes(o.record_id) && o.id !== actor?.id);
    if (!told.length) return;
    const body = await publishedEntity(definitions, entity, tx);
    const label = body ? statusOf(body, status, after[status])?.label : null;
    for (const owner of told) {
      const text = label ? (label[owner.locale] ?? label.ru) : '—';
      const notification = await notifications.create(tx, owner.id, {
        title: message(owner.locale, 'notification_request_status', { number: record.number, status: text }),
        text: record.title,
        link: `/account/requests/${record.id}`,
      });
      await hub.send(tx, [liveAddress.user(owner.id)], { type: 'notification', notification });
    }
  };
}
