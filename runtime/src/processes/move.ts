import type { ProcessNode } from '../definitions/process/schema.js';
import type { Token } from './instance.js';
import type { NodeOutcome } from './node-spec.js';
import { nodeSpecOf } from './registry.js';
import { endToken, failInstance, go, leave, spawnRuns, throwError } from './tokens.js';
import {
  closeEntry,
  emit,
  maxNodeEntriesPerEvent,
  openEntry,
  removeToken,
  timerKey,
  tokenById,
  type Walk,
} from './walk.js';

/**
 * Runs queued arrivals until every token rests (waits, joins or has ended), then fires the inclusive joins no
 * branch can still reach, and runs again. A step past {@link maxNodeEntriesPerEvent} fails the instance naming
 * the node it was at.
 */
export function drain(walk: Walk) {
  for (;;) {
    while (walk.queue.length && walk.instance.status === 'running') {
      const arrival = walk.queue.shift() as Walk['queue'][number];
      const token = tokenById(walk, arrival.tokenId);
      const node = walk.process.node(arrival.nodeId);
      if (!token) continue;
      if (!node) {
        failInstance(
          walk,
          undefined,
          `a flow leads to "${arrival.nodeId}", which this process version does not have`,
        );
        return;
      }
      if (++walk.entries > maxNodeEntriesPerEvent) {
        failInstance(
          walk,
          node,
          `more than ${maxNodeEntriesPerEvent} steps in one event, the last at "${node.id}": a loop that never waits`,
        );
        return;
      }
      arrive(walk, token, node, arrival.via, arrival.fired);
    }
    if (walk.instance.status !== 'running' || !fireInclusiveJoin(walk)) return;
  }
}

function arrive(walk: Walk, token: Token, node: ProcessNode, via: string | undefined, fired = false) {
  token.nodeId = node.id;
  if (via) token.via = via;
  else delete token.via;
  delete token.wait;
  openEntry(walk, token, node.id);
  if (fired) return leave(walk, token, node, 'fired');
  apply(walk, token, node, nodeSpecOf(node).run({ node, token, walk }));
}

/** Carries out what a node's run or resume answered. */
export function apply(walk: Walk, token: Token, node: ProcessNode, outcome: NodeOutcome) {
  if ('leave' in outcome) return leave(walk, token, node, outcome.outcome, outcome.scope);
  if ('flows' in outcome) return go(walk, token, node, outcome.flows, outcome.outcome);
  if ('end' in outcome) return endToken(walk, token, node, outcome.end, outcome.errorCode);
  if ('fail' in outcome) return throwError(walk, token, outcome.code, outcome.fail);
  if ('incident' in outcome) return failInstance(walk, node, outcome.incident);
  if ('moveTo' in outcome) {
    closeEntry(walk, token, outcome.outcome ?? 'completed');
    walk.queue.push({ tokenId: token.id, nodeId: outcome.moveTo, fired: true });
    return;
  }
  if ('join' in outcome) {
    token.wait = { kind: 'join' };
    if (node.type === 'bpmn.parallelGateway') fireParallelJoin(walk, node, token);
    return;
  }
  if ('wait' in outcome) {
    const first = token.wait === undefined;
    token.wait = outcome.wait;
    if (first && !token.inner) scheduleBoundaries(walk, token, node);
    if (outcome.wait.kind === 'multi') {
      const mi = (node.config as { multiInstance?: { element: string } }).multiInstance;
      spawnRuns(walk, token, node, mi?.element ?? 'item');
    }
  }
}

/** Boundary timers of the activity a token starts waiting at. */
function scheduleBoundaries(walk: Walk, token: Token, node: ProcessNode) {
  for (const b of walk.process.boundaries.get(node.id) ?? []) {
    if (b.type !== 'bpmn.boundaryEvent' || b.config.kind !== 'timer') continue;
    const key = timerKey(walk, token, b.id);
    emit(walk, { type: 'scheduleTimer', key, at: walk.clock.now() + (b.config.durationSeconds ?? 0) * 1000 });
    token.boundaries = [...(token.boundaries ?? []), { key, nodeId: b.id }];
  }
}

/** A parallel join fires when a token waits on each incoming flow (in the same scope); one goes on. */
function fireParallelJoin(walk: Walk, node: ProcessNode, arrived: Token) {
  const incoming = walk.process.incoming.get(node.id) ?? [];
  const parked = walk.instance.tokens.filter(
    (t) => t.nodeId === node.id && t.wait?.kind === 'join' && t.scope === arrived.scope,
  );
  const picked: Token[] = [];
  for (const flow of incoming) {
    const t = parked.find((p) => p.via === flow.id && !picked.includes(p));
    if (!t) return;
    picked.push(t);
  }
  const [first, ...rest] = picked as [Token, ...Token[]];
  for (const t of rest) {
    closeEntry(walk, t, 'joined');
    removeToken(walk, t);
  }
  leave(walk, first, node, 'joined');
}

/**
 * An inclusive join fires when no other token of its scope can still reach it: it waits only for the branches
 * that were taken. Answers whether one fired.
 */
function fireInclusiveJoin(walk: Walk): boolean {
  for (const parked of walk.instance.tokens) {
    if (parked.wait?.kind !== 'join') continue;
    const node = walk.process.node(parked.nodeId);
    if (node?.type !== 'bpmn.inclusiveGateway') continue;
    const here = walk.instance.tokens.filter(
      (t) => t.nodeId === node.id && t.wait?.kind === 'join' && t.scope === parked.scope,
    );
    const pending = walk.instance.tokens.some(
      (t) => t.scope === parked.scope && !here.includes(t) && walk.process.canReach(t.nodeId, node.id),
    );
    if (pending) continue;
    for (const t of here.slice(1)) {
      closeEntry(walk, t, 'joined');
      removeToken(walk, t);
    }
    leave(walk, parked, node, 'joined');
    return true;
  }
  return false;
}
