import { AppError } from '../../../http/app-error.js';
import { message } from '../../../http/messages.js';
import type { Actor } from '../../auth/actor.js';
import { decideTask } from './task-decide.js';
import type { TaskDeps } from './task-deps.js';

export interface BulkResult {
  done: string[];
  failed: { id: string; code: string; message: string }[];
}

/**
 * Approves several tasks from the list, each in its own transaction (one refused leaves the others decided), one
 * after another so a process's approvals are stepped in the order given. Duplicated ids are decided once.
 */
export async function bulkComplete(
  deps: TaskDeps,
  actor: Actor,
  body: { ids: string[]; outcome: 'approve'; comment?: string },
  log: { error(obj: object, msg: string): void },
): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  for (const id of new Set(body.ids)) {
    try {
      await decideTask(
        deps,
        actor,
        id,
        { outcome: body.outcome, ...(body.comment ? { comment: body.comment } : {}) },
        { seenIsCurrent: true, approvalOnly: true },
      );
      result.done.push(id);
    } catch (err) {
      if (err instanceof AppError)
        result.failed.push({
          id,
          code: err.code,
          message: message(actor.locale, err.messageKey, err.params),
        });
      else {
        log.error({ err, taskId: id }, 'bulk approval of a task failed');
        result.failed.push({ id, code: 'internal', message: message(actor.locale, 'internal') });
      }
    }
  }
  return result;
}
