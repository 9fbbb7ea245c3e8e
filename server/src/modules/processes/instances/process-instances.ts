import type { ProcessEvent, ProcessInstance } from '@opora/runtime/processes';
import type { Em, Statement } from '../../../db/database.js';
import { AppError } from '../../../http/app-error.js';
import type {
  FeedOutcome,
  InstancePort,
  LockedInstance,
  ProcessStarter,
  StartRequest,
  TaskPort,
} from '../process-ports.js';
import type { InstanceDeps } from './instance-deps.js';
import { type InstanceRow, instanceById, lockInstance, lockInstanceOfTask } from './instance-rows.js';
import { feedRow } from './instance-step.js';
import { startOnMessage } from './message-starts.js';
import { startInstance } from './start-instance.js';

export const processNotFound = (key: string) =>
  new AppError(404, 'process_not_found', 'process_not_found', { key });

/**
 * The instances as the rest of the server reaches them: the tasks side feeds them (`InstancePort`), bots,
 * forms, records and the API start them (`ProcessStarter`). Without `tx`, each call is its own transaction.
 */
export class ProcessInstances implements InstancePort, ProcessStarter {
  constructor(private readonly deps: InstanceDeps) {}

  /** Puts the inbox in place of the tasks side the instances were built with. */
  set tasks(port: TaskPort) {
    this.deps.tasks = port;
  }

  feed(instanceId: string, event: ProcessEvent, tx?: Em, locked?: LockedInstance): Promise<FeedOutcome> {
    const run = async (em: Em): Promise<FeedOutcome> => {
      const row =
        tx && locked?.id === instanceId
          ? (locked as LockedInstance & InstanceRow)
          : await lockInstance(this.deps.db, em, instanceId);
      return row ? feedRow(this.deps, em, row, event) : { ok: false, refused: 'no such instance' };
    };
    return tx ? run(tx) : this.deps.db.transaction(run);
  }

  async lockOfTask(taskId: string, tx: Em, then: Statement) {
    const { row, rows } = await lockInstanceOfTask(this.deps.db, tx, taskId, then);
    const locked: LockedInstance | null = row ? { ...row, lockedInstance: true } : null;
    return { locked, rows };
  }

  async get(instanceId: string, tx?: Em): Promise<ProcessInstance | null> {
    return (await instanceById(this.deps.db, tx, instanceId))?.state ?? null;
  }

  start(processKey: string, request: StartRequest, tx?: Em): Promise<{ instanceId: string }> {
    const run = async (em: Em) => {
      const process = await this.deps.processes.latest(processKey, em);
      if (!process) throw processNotFound(processKey);
      const row = await startInstance(this.deps, em, process, request);
      return { instanceId: row.id };
    };
    return tx ? run(tx) : this.deps.db.transaction(run);
  }

  /** Starts the processes that start on the message `name`, in `tx` (see message-starts.ts). */
  startOnMessage(
    name: string,
    request: Omit<StartRequest, 'startEvent'> & { idempotencyKey: string },
    tx: Em,
  ): Promise<string[]> {
    return startOnMessage(this.deps, tx, name, request);
  }
}
