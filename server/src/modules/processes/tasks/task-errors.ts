import { AppError } from '../../../http/app-error.js';

/** The refusals of the inbox; each names what stands in the way in the caller's language. */
export const taskRefusal = {
  closed: () => new AppError(409, 'task_closed', 'task_closed'),
  claimed: (name: string) => new AppError(409, 'task_claimed', 'task_claimed', { name }),
  notYours: () => new AppError(403, 'forbidden', 'task_not_yours'),
  documentChanged: () => new AppError(409, 'document_changed', 'document_changed'),
  fourEyes: () => new AppError(403, 'four_eyes', 'four_eyes'),
  notDelegable: () => new AppError(409, 'task_not_delegable', 'task_not_delegable'),
  notApproval: () => new AppError(409, 'task_not_approval', 'task_not_approval'),
  delegateUnknown: () =>
    new AppError(400, 'delegate_unknown', 'delegate_unknown', {}, [
      { pointer: '/to', message: { key: 'delegate_unknown' } },
    ]),
  refused: (reason: string) =>
    new AppError(409, 'task_refused', 'task_refused', { reason: reason.slice(0, 300) }),
};

/**
 * The engine's refusal of a decision as the API answers it. The engine's reasons are its own fixed texts (see
 * runtime/src/processes/nodes/opora.approvalTask/run.ts), matched literally here.
 */
export function refusalError(refused: string): AppError {
  if (refused.startsWith('four eyes')) return taskRefusal.fourEyes();
  if (refused.startsWith('the document changed')) return taskRefusal.documentChanged();
  if (refused === 'the task is assigned to someone else' || refused === 'the revision is the author’s task')
    return taskRefusal.notYours();
  if (
    refused === 'no open task has this id' ||
    refused.startsWith('the instance has') ||
    refused === 'no such instance'
  )
    return taskRefusal.closed();
  return taskRefusal.refused(refused);
}
