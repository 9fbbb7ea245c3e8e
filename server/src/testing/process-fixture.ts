import type { ProcessBody } from '@opora/runtime/definitions';
import type { ProcessEffect } from '@opora/runtime/processes';
import type { TaskOpening, TaskPort } from '../modules/processes/process-ports.js';
import type { Harness } from './test-app.js';

type App = Harness['app'];

const processIds = new WeakMap<App, Map<string, string>>();

/** Publishes a process (a new version when this fixture published it before); answers the version published. */
export async function publishProcess(app: App, key: string, body: ProcessBody) {
  const ids = processIds.get(app) ?? new Map<string, string>();
  processIds.set(app, ids);
  const id = ids.get(key);
  const draft = id
    ? await app.definitions.update(
        id,
        { draftVersion: (await app.definitions.get(id)).draftVersion, name: key, body },
        null,
        'ru',
      )
    : await app.definitions.create({ kind: 'process', key, name: key, body }, null, 'ru');
  ids.set(key, draft.id);
  const published = await app.definitions.publish(draft.id, draft.draftVersion, null, 'ru');
  return published.version;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the processes' due jobs until none is left (the worker must be started). */
export async function drainProcessJobs(app: App) {
  for (let round = 0; round < 200; round++) {
    await app.jobWorker.tick();
    await app.jobWorker.idle();
    const [left] = await app.db.query<{ n: string | number }>(
      `select count(*) as n from job where name like 'process.%' and name <> 'process.retention'
         and status in ('pending', 'running') and run_at <= now()`,
    );
    if (Number(left?.n) === 0) return;
    await sleep(10);
  }
  throw new Error('process jobs did not settle');
}

/** A tasks side that keeps what it was told in memory, inside the step's transaction like the real one. */
export class MemoryTasks implements TaskPort {
  readonly opened: TaskOpening[] = [];
  readonly cancelled: { instanceId: string; taskId: string }[] = [];
  readonly notices: { instanceId: string; effect: Extract<ProcessEffect, { type: 'notifyStaff' }> }[] = [];

  async open(_tx: unknown, task: TaskOpening) {
    this.opened.push(task);
  }
  async cancel(_tx: unknown, instanceId: string, taskId: string) {
    this.cancelled.push({ instanceId, taskId });
  }
  async notify(_tx: unknown, instanceId: string, effect: Extract<ProcessEffect, { type: 'notifyStaff' }>) {
    this.notices.push({ instanceId, effect });
  }

  of(instanceId: string) {
    return this.opened.filter((t) => t.instanceId === instanceId);
  }
}
