import type { ProcessFlow, ProcessNode } from '../definitions/process/schema.js';
import { truthy, type Value } from '../forms/expressions/index.js';
import { chooseFlows } from './choose-flows.js';
import type { Token } from './instance.js';
import {
  closeEntry,
  emit,
  evaluateFor,
  finish,
  newToken,
  nodeOf,
  removeToken,
  send,
  tokenById,
  type Walk,
} from './walk.js';

/** Cancels what a token waits for (tasks, timers, inner tokens), keeping the token itself. */
export function clearToken(walk: Walk, token: Token): undefined {
  const wait = token.wait;
  if (wait?.kind === 'tasks')
    for (const task of wait.tasks) {
      emit(walk, { type: 'cancelTask', taskId: task.taskId });
      for (const key of [task.dueKey, task.remindKey]) if (key) emit(walk, { type: 'cancelTimer', key });
    }
  if (wait?.kind === 'timer') emit(walk, { type: 'cancelTimer', key: wait.key });
  if (wait?.kind === 'events') for (const t of wait.timers) emit(walk, { type: 'cancelTimer', key: t.key });
  for (const child of walk.instance.tokens.filter((t) => t.scope === token.id)) cancelToken(walk, child);
  cancelBoundaries(walk, token);
  delete token.wait;
}

export function cancelBoundaries(walk: Walk, token: Token): undefined {
  for (const b of token.boundaries ?? []) emit(walk, { type: 'cancelTimer', key: b.key });
  delete token.boundaries;
}

/** Ends a token and everything it waits for, its history saying `why`. */
export function cancelToken(walk: Walk, token: Token, why = 'cancelled'): undefined {
  clearToken(walk, token);
  closeEntry(walk, token, why);
  removeToken(walk, token);
  walk.queue = walk.queue.filter((a) => a.tokenId !== token.id);
}

/** Fails the instance with an incident naming the node: every token is cancelled. */
export function failInstance(
  walk: Walk,
  node: ProcessNode | undefined,
  message: string,
  code?: string,
): undefined {
  for (const t of walk.instance.tokens.filter((t) => !t.scope)) cancelToken(walk, t, 'failed');
  finish(walk, 'failed', { ...(node ? { nodeId: node.id } : {}), message, ...(code ? { code } : {}) });
}

/** A token done with its node goes on by the node's flows (a run of a multi-instance activity completes instead). */
export function leave(
  walk: Walk,
  token: Token,
  node: ProcessNode,
  outcome = 'completed',
  extra?: Record<string, Value>,
): undefined {
  if (token.inner) return completeInner(walk, token, node, outcome);
  const flows = chooseFlows(walk, token, node, extra);
  if (!flows)
    return failInstance(
      walk,
      node,
      `no flow out of "${node.id}" can be taken: no condition holds and there is no default flow`,
    );
  go(walk, token, node, flows, outcome);
}

/** Sends the token along the first flow and new tokens along the others; no flows ends the token. */
export function go(
  walk: Walk,
  token: Token,
  node: ProcessNode,
  flows: ProcessFlow[],
  outcome = 'completed',
): undefined {
  cancelBoundaries(walk, token);
  delete token.wait;
  closeEntry(walk, token, outcome);
  if (!flows.length) return endToken(walk, token, node, 'none');
  flows.forEach((flow, i) => {
    const t =
      i === 0
        ? token
        : newToken(walk, flow.target, token.scope, token.locals ? { locals: { ...token.locals } } : {});
    send(walk, t, flow.target, flow.id);
  });
}

/** A token reaching an end event: `none` ends it, `terminate` its whole scope, `error` throws to the scope's owner. */
export function endToken(
  walk: Walk,
  token: Token,
  node: ProcessNode,
  result: 'none' | 'terminate' | 'error',
  errorCode?: string,
): undefined {
  closeEntry(walk, token, result === 'none' ? 'ended' : result);
  removeToken(walk, token);
  if (result !== 'none')
    for (const sibling of walk.instance.tokens.filter((t) => t.scope === token.scope))
      cancelToken(walk, sibling, result);
  if (result === 'error') {
    const owner = tokenById(walk, token.scope);
    return owner
      ? throwError(walk, owner, errorCode, `error end event "${node.id}"`)
      : failInstance(
          walk,
          node,
          `the process ended with error ${errorCode ?? ''} at "${node.id}"`.replace('  ', ' '),
          errorCode,
        );
  }
  if (result === 'terminate' && !token.scope) return finish(walk, 'terminated');
  scopeDone(walk, token.scope);
}

/** When the last token of a scope ends: the instance completes, or the sub-process that owned them leaves. */
export function scopeDone(walk: Walk, scope: string | undefined): undefined {
  if (walk.instance.status !== 'running') return;
  if (walk.instance.tokens.some((t) => t.scope === scope)) return;
  if (scope === undefined) return finish(walk, 'completed');
  const owner = tokenById(walk, scope);
  if (owner?.wait?.kind === 'scope') leave(walk, owner, nodeOf(walk, owner));
}

/**
 * An error raised at a token's activity (a failed service task, an error end inside a sub-process): the first
 * error boundary event with its code (or none) on the way out catches it; uncaught, the instance fails.
 */
export function throwError(walk: Walk, raiser: Token, code: string | undefined, message: string): undefined {
  let at: Token | undefined = raiser;
  while (at) {
    if (at.inner) {
      const owner = tokenById(walk, at.scope);
      cancelToken(walk, at, 'error');
      at = owner;
      continue;
    }
    const boundary = (walk.process.boundaries.get(at.nodeId) ?? []).find(
      (b) =>
        b.type === 'bpmn.boundaryEvent' &&
        b.config.kind === 'error' &&
        (!b.config.errorCode || b.config.errorCode === code),
    );
    if (boundary) return interrupt(walk, at, boundary.id, 'error');
    const up = tokenById(walk, at.scope);
    const node = nodeOf(walk, at);
    cancelToken(walk, at, 'error');
    if (!up)
      return failInstance(
        walk,
        node,
        `${message} at "${node.id}" was not caught${code ? ` (${code})` : ''}`,
        code,
      );
    at = up;
  }
}

/** An interrupting boundary event: the activity's waits are cancelled and the token leaves by the boundary event. */
export function interrupt(walk: Walk, token: Token, boundaryId: string, why: string): undefined {
  clearToken(walk, token);
  closeEntry(walk, token, why);
  send(walk, token, boundaryId, undefined, true);
}

/** Starts runs of a multi-instance activity: all at once (parallel) or the next one (sequential). */
export function spawnRuns(walk: Walk, owner: Token, node: ProcessNode, element: string): undefined {
  const wait = owner.wait;
  if (wait?.kind !== 'multi') return;
  const upTo = wait.sequential ? Math.min(wait.started + 1, wait.items.length) : wait.items.length;
  for (let i = wait.started; i < upTo; i++) {
    const run = newToken(walk, node.id, owner.id, {
      inner: true,
      locals: { [element]: wait.items[i] ?? null, loopCounter: i },
    });
    send(walk, run, node.id);
  }
  wait.started = upTo;
}

/** A run of a multi-instance activity completes: the activity leaves when all have, or its condition holds. */
function completeInner(walk: Walk, run: Token, node: ProcessNode, outcome: string): undefined {
  closeEntry(walk, run, outcome);
  removeToken(walk, run);
  const owner = tokenById(walk, run.scope);
  const wait = owner?.wait;
  if (!owner || wait?.kind !== 'multi') return;
  wait.completed += 1;
  const active = walk.instance.tokens.filter((t) => t.scope === owner.id).length;
  const mi = (node.config as { multiInstance?: { completionCondition?: string; element: string } })
    .multiInstance;
  const counts = {
    nrOfInstances: wait.items.length,
    nrOfCompletedInstances: wait.completed,
    nrOfActiveInstances: active,
  };
  const early = mi?.completionCondition
    ? truthy(evaluateFor(walk, owner, mi.completionCondition, counts))
    : false;
  if (early || wait.completed >= wait.items.length) {
    for (const t of walk.instance.tokens.filter((t) => t.scope === owner.id)) cancelToken(walk, t);
    return leave(walk, owner, node);
  }
  if (wait.sequential) spawnRuns(walk, owner, node, mi?.element ?? 'item');
}
