import { createHash } from 'node:crypto';
import type { ProcessEffect } from '@opora/runtime/processes';
import { liveAddress } from '../../../adapters/live-hub/live-address.js';
import type { Em } from '../../../db/database.js';
import { type StaffMailPayload, staffMailJobName } from './staff-mail-job.js';
import { assigneePeople } from './task-audience.js';
import type { TaskDeps } from './task-deps.js';

type NotifyStaff = Extract<ProcessEffect, { type: 'notifyStaff' }>;

const titles = {
  reminder: { ru: 'Напоминание о задаче', en: 'Task reminder' },
  overdue: { ru: 'Срок задачи прошёл', en: 'Task overdue' },
  message: { ru: 'Сообщение процесса', en: 'Process message' },
};

/** Where the operator area opens a task. */
export const taskLink = (id: string) => `/work/tasks/${id}`;

/** One notice per person and cause: a replayed step neither notifies nor mails twice. */
function noticeKey(instanceId: string, effect: NotifyStaff): string {
  const cause =
    effect.requestId ??
    (effect.taskId
      ? `${effect.taskId}:${effect.reason ?? 'message'}`
      : createHash('sha256').update(`${effect.to.kind}:${effect.to.value}:${effect.text}`).digest('hex'));
  return `process.notice:${instanceId}:${cause}`;
}

/**
 * A process's notice to staff (a reminder, a passed deadline, a message of the process): a notification in the app
 * for each person the assignee names, pushed live, and a durable e-mail job for those with an address when mail is
 * configured — both in the step's transaction, so nothing is told about a step that did not commit.
 */
export async function noticeStaff(
  deps: TaskDeps,
  tx: Em,
  instanceId: string,
  effect: NotifyStaff,
): Promise<void> {
  const people = await assigneePeople(deps, tx, effect.to);
  if (!people.length) return;
  const [task] = effect.taskId
    ? await deps.db.query<{ id: string }>(
        'select id from process_task where instance_id = ? and task_id = ?',
        [instanceId, effect.taskId],
        tx,
      )
    : [];
  const link = task ? taskLink(task.id) : null;
  const title = titles[effect.reason ?? 'message'][deps.language];
  const key = noticeKey(instanceId, effect);
  // Notices go out together: the first person's receipt (its job) says the whole notice was given.
  const [seen] = await deps.db.query(
    'select 1 from job where idempotency_key = ?',
    [`${key}:${people[0]}`],
    tx,
  );
  if (seen) return;
  for (const userId of people) {
    const notification = await deps.notifications.create(tx, userId, { title, text: effect.text, link });
    await deps.hub.send(tx, [liveAddress.user(userId)], { type: 'notification', notification });
    const payload: StaffMailPayload = { userId, title, text: effect.text, link };
    // The job is the notice's receipt too: with mail off it does nothing but marks the notice as given.
    await deps.jobs.enqueue(
      staffMailJobName,
      { ...payload, mail: deps.mailEnabled },
      { idempotencyKey: `${key}:${userId}`, maxAttempts: 5 },
      tx,
    );
  }
}
