import { ApiError } from '@opora/sdk';

/** Decisions that must say why (a rejection, a return for revision): the author needs to know what to fix. */
export function commentRequired(outcome: string): boolean {
  return outcome === 'reject' || outcome === 'return';
}

/** The decisions an approval task offers, in the order the buttons show (only those the node allows). */
export function approvalOutcomes(outcomes: readonly string[]): string[] {
  const order = ['approve', 'return', 'reject'];
  return order.filter((o) => outcomes.includes(o));
}

/** What a refused action means for the panel. */
export type ActionProblem =
  /** The record changed since the task was opened: read it again before deciding. */
  | { kind: 'documentChanged' }
  /** Someone closed the task meanwhile. */
  | { kind: 'closed'; message: string }
  /** Anything else the server said (four eyes, not yours…), in its words; or it could not be reached. */
  | { kind: 'message'; message: string | null };

export function actionProblem(error: unknown): ActionProblem {
  if (!(error instanceof ApiError)) return { kind: 'message', message: null };
  if (error.status === 409 && error.code === 'document_changed') return { kind: 'documentChanged' };
  if (error.status === 409 && error.code === 'task_closed') return { kind: 'closed', message: error.message };
  return { kind: 'message', message: error.message };
}
