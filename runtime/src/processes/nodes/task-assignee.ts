import type { TaskAssignee, Token } from '../instance.js';
import { asText, evaluateFor, type Walk } from '../walk.js';

/** An assignee as data the server resolves: an expression is evaluated to a user id here. */
export function resolveAssignee(
  walk: Walk,
  token: Token,
  assignee: { kind: 'user' | 'role' | 'line' | 'expression'; value: string },
): TaskAssignee {
  if (assignee.kind !== 'expression') return { kind: assignee.kind, value: assignee.value };
  return { kind: 'user', value: asText(evaluateFor(walk, token, assignee.value)) };
}
