import { liveAddress } from '../../../adapters/live-hub/live-address.js';
import type { Em } from '../../../db/database.js';
import type { TaskDeps } from './task-deps.js';
import type { TaskRow } from './task-rows.js';

const titles = { ru: 'Новая задача', en: 'New task' };

/** Where the portal account opens a client's task. */
export const clientTaskLink = (id: string) => `/account/tasks/${id}`;

/**
 * Tells a client a task opened for them: a notification in their portal account, pushed live, in the step's
 * transaction. Staff hear of tasks through their inbox; only a user holding the client role is told here.
 */
export async function noticeClientTask(deps: TaskDeps, tx: Em, row: TaskRow): Promise<void> {
  if (row.assignee_kind !== 'user' || row.kind === 'approval') return;
  const [client] = await deps.db.query<{ id: string; locale: string | null }>(
    `select id, locale from app_user where active and id::text = ? and 'client' = any(roles)`,
    [row.assignee_value],
    tx,
  );
  if (!client) return;
  const title = client.locale === 'en' ? titles.en : titles.ru;
  const notification = await deps.notifications.create(tx, client.id, {
    title,
    text: row.title ?? row.node_id,
    link: clientTaskLink(row.id),
  });
  await deps.hub.send(tx, [liveAddress.user(client.id)], { type: 'notification', notification });
}
