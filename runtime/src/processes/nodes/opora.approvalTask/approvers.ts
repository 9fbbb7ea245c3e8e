import { readVariable } from '../../../bots/variables.js';
import type { Value } from '../../../forms/expressions/index.js';
import type { TaskAssignee, Token } from '../../instance.js';
import { evaluateFor, scopeOf, type Walk } from '../../walk.js';
import type { ApprovalTaskNode } from './schema.js';

const list = (value: string | string[]) =>
  (Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter(Boolean);

const ids = (value: Value): string[] =>
  Array.isArray(value)
    ? value.flatMap(ids)
    : typeof value === 'string' || typeof value === 'number'
      ? list(String(value))
      : [];

const listedKinds = { users: 'user', roles: 'role', lines: 'line' } as const;

/** A listed entry: of the list's kind, unless it names its own (`line:accounting` in a list of roles). */
function listedAssignee(entry: string, kind: TaskAssignee['kind']): TaskAssignee {
  const colon = entry.indexOf(':');
  const named = colon > 0 ? entry.slice(0, colon) : '';
  if (named === 'user' || named === 'role' || named === 'line')
    return { kind: named, value: entry.slice(colon + 1).trim() };
  return { kind, value: entry };
}

/**
 * The approvers in order, one slot each: a user, or a role or line any of whose people may decide. Duplicates
 * dropped.
 */
export function resolveApprovers(walk: Walk, token: Token, node: ApprovalTaskNode): TaskAssignee[] {
  const { kind, value } = node.config.approvers;
  let people: TaskAssignee[];
  if (kind === 'roles' || kind === 'users' || kind === 'lines')
    people = list(value)
      .map((entry) => listedAssignee(entry, listedKinds[kind]))
      .filter((p) => p.value);
  else {
    const source = Array.isArray(value) ? value.join(',') : value;
    const found =
      kind === 'expression' ? evaluateFor(walk, token, source) : readVariable(scopeOf(walk, token), source);
    people = ids(found).map((v) => ({ kind: 'user', value: v }));
  }
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = `${p.kind}:${p.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The verdict of the decisions so far, or null while it is open. */
export function verdict(
  rule: 'all' | 'any' | 'quorum',
  slots: number,
  decided: Record<number, 'approve' | 'reject'>,
  quorum = 1,
): 'approved' | 'rejected' | null {
  const values = Object.values(decided);
  const approvals = values.filter((v) => v === 'approve').length;
  const rejects = values.length - approvals;
  const need = rule === 'all' ? slots : rule === 'any' ? 1 : Math.min(quorum, slots);
  if (approvals >= need) return 'approved';
  if (slots - rejects < need) return 'rejected';
  return null;
}
