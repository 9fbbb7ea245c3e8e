import { ApiError } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { actionProblem, approvalOutcomes, commentRequired } from './task-actions';

const apiError = (status: number, code: string, message: string) =>
  new ApiError(status, { error: { code, message, details: [] } });

describe('task actions', () => {
  it('needs a comment to reject or return, not to approve', () => {
    expect(commentRequired('approve')).toBe(false);
    expect(commentRequired('reject')).toBe(true);
    expect(commentRequired('return')).toBe(true);
  });

  it('offers only the decisions the node allows, approve first', () => {
    expect(approvalOutcomes(['reject', 'approve'])).toEqual(['approve', 'reject']);
    expect(approvalOutcomes(['approve', 'reject', 'return', 'other'])).toEqual([
      'approve',
      'return',
      'reject',
    ]);
  });

  it('tells a changed document, a closed task and the server’s other refusals apart', () => {
    expect(actionProblem(apiError(409, 'document_changed', 'x'))).toEqual({ kind: 'documentChanged' });
    expect(actionProblem(apiError(409, 'task_closed', 'Задача уже закрыта'))).toEqual({
      kind: 'closed',
      message: 'Задача уже закрыта',
    });
    expect(actionProblem(apiError(403, 'four_eyes', 'Автор не может согласовать свой документ'))).toEqual({
      kind: 'message',
      message: 'Автор не может согласовать свой документ',
    });
    expect(actionProblem(new TypeError('fetch failed'))).toEqual({ kind: 'message', message: null });
  });
});
