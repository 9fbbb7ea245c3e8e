import type { Clock, Engine, StepResult } from '../engine.js';
import { equal } from '../forms/expressions/index.js';
import type { ProcessEffect } from './effects.js';
import type { ProcessEvent } from './events.js';
import type { ProcessInstance, Token } from './instance.js';
import { apply, drain } from './move.js';
import type { ResumeEvent } from './node-spec.js';
import type { PreparedProcess } from './prepared-process.js';
import { nodeSpecOf } from './registry.js';
import { cancelToken, interrupt } from './tokens.js';
import { finish, newToken, newWalk, nodeOf, send, setVariables, type Walk } from './walk.js';

export type ProcessStep = StepResult<ProcessInstance, ProcessEffect>;

/** An instance no event has reached yet: running, with no tokens, on the process's version. */
export function createInstance(process: PreparedProcess): ProcessInstance {
  return {
    processKey: process.key,
    processVersion: process.version,
    status: 'running',
    variables: {},
    tokens: [],
    history: [],
    decisions: [],
    seq: 0,
  };
}

const refuse = (instance: ProcessInstance, why: string): ProcessStep => ({
  state: instance,
  effects: [],
  refused: why,
});

/**
 * One step: `stepProcess(process, instance, event, clock) → { state, effects }`, the engine contract of
 * `engine.ts`. Pure and total: no I/O, no wall clock but `clock`, never throws on any event — what makes no sense
 * in this state is refused (the instance unchanged, no effects), a loop past the step limit or a flow that
 * cannot be chosen fails the instance naming the node.
 */
export function stepProcess(
  process: PreparedProcess,
  instance: ProcessInstance,
  event: ProcessEvent,
  clock: Clock,
): ProcessStep {
  if (instance.status !== 'running') return refuse(instance, `the instance has ${instance.status}`);
  const walk = newWalk(process, instance, clock);
  const why = route(walk, event);
  if (why !== null) return refuse(instance, why);
  drain(walk);
  return { state: walk.instance, effects: walk.effects };
}

function route(walk: Walk, event: ProcessEvent): string | null {
  switch (event.type) {
    case 'start':
      return start(walk, event);
    case 'cancel':
      for (const t of walk.instance.tokens.filter((t) => !t.scope)) cancelToken(walk, t);
      finish(walk, 'terminated', event.reason ? { message: event.reason.slice(0, 1000) } : undefined);
      return null;
    case 'taskCompleted': {
      const token = walk.instance.tokens.find(
        (t) => t.wait?.kind === 'tasks' && t.wait.tasks.some((task) => task.taskId === event.taskId),
      );
      return token ? resume(walk, token, event) : 'no open task has this id';
    }
    case 'effectResult': {
      const token = walk.instance.tokens.find(
        (t) => t.wait?.kind === 'result' && t.wait.requestId === event.requestId,
      );
      return token ? resume(walk, token, event) : 'no step awaits this result';
    }
    case 'timerFired':
      return timerFired(walk, event);
    case 'messageReceived':
      return messageReceived(walk, event);
  }
}

function start(walk: Walk, event: Extract<ProcessEvent, { type: 'start' }>): string | null {
  if (walk.instance.history.length) return 'the instance has already started';
  const starts = walk.process.starts.get('') ?? [];
  const node = event.startEvent
    ? starts.find((s) => s.id === event.startEvent)
    : (starts.find((s) => s.type === 'bpmn.startEvent' && s.config.trigger === 'none') ?? starts[0]);
  if (!node)
    return event.startEvent ? `no start event "${event.startEvent}"` : 'the process has no start event';
  for (const v of walk.process.body.variables ?? []) walk.instance.variables[v.name] = null;
  setVariables(walk, event.variables);
  if (event.actor) walk.instance.author = event.actor;
  if (event.record) walk.instance.record = event.record;
  send(walk, newToken(walk, node.id, undefined), node.id);
  return null;
}

function resume(walk: Walk, token: Token, event: ResumeEvent): string | null {
  const node = nodeOf(walk, token);
  const spec = nodeSpecOf(node);
  if (!spec.resume) return `"${node.id}" does not wait for events`;
  const outcome = spec.resume({ node, token, walk }, event);
  if ('refuse' in outcome) return outcome.refuse;
  if ('stay' in outcome) return null;
  apply(walk, token, node, outcome);
  return null;
}

function timerFired(walk: Walk, event: Extract<ProcessEvent, { type: 'timerFired' }>): string | null {
  for (const token of walk.instance.tokens) {
    const wait = token.wait;
    if (wait?.kind === 'timer' && wait.key === event.key) return resume(walk, token, event);
    if (wait?.kind === 'tasks' && wait.tasks.some((t) => t.dueKey === event.key || t.remindKey === event.key))
      return resume(walk, token, event);
    if (wait?.kind === 'events') {
      const fired = wait.timers.find((t) => t.key === event.key);
      if (fired) return eventFired(walk, token, fired.nodeId, event.key);
    }
    const boundary = token.boundaries?.find((b) => b.key === event.key);
    if (boundary) return boundaryFired(walk, token, boundary);
  }
  return 'the timer is no longer awaited';
}

/** The first event of an event-based gateway: the others are cancelled, the token passes the event that happened. */
function eventFired(walk: Walk, token: Token, nodeId: string, firedKey?: string): null {
  const wait = token.wait;
  if (wait?.kind === 'events')
    for (const t of wait.timers)
      if (t.key !== firedKey) walk.effects.push({ type: 'cancelTimer', key: t.key });
  delete token.wait;
  apply(walk, token, nodeOf(walk, token), { moveTo: nodeId, outcome: 'event' });
  return null;
}

function boundaryFired(walk: Walk, token: Token, boundary: { key: string; nodeId: string }): null {
  const node = walk.process.node(boundary.nodeId);
  token.boundaries = token.boundaries?.filter((b) => b !== boundary);
  if (node?.type === 'bpmn.boundaryEvent' && node.config.interrupting) {
    interrupt(walk, token, boundary.nodeId, 'interrupted');
    return null;
  }
  // Non-interrupting: the activity stays open, a new token leaves by the boundary event.
  send(walk, newToken(walk, boundary.nodeId, token.scope), boundary.nodeId, undefined, true);
  return null;
}

function messageReceived(
  walk: Walk,
  event: Extract<ProcessEvent, { type: 'messageReceived' }>,
): string | null {
  const matches = (name: string, correlation: unknown) =>
    name === event.name &&
    (correlation === undefined || equal(correlation as never, (event.correlation ?? null) as never));
  for (const token of walk.instance.tokens) {
    const wait = token.wait;
    if (wait?.kind === 'message' && matches(wait.name, wait.correlation)) return resume(walk, token, event);
    if (wait?.kind === 'events') {
      const m = wait.messages.find((x) => matches(x.name, x.correlation));
      if (m) {
        setVariables(walk, event.variables);
        return eventFired(walk, token, m.nodeId);
      }
    }
  }
  return 'no instance token waits for this message';
}

/** The process engine as the runtime's engine contract. */
export const processEngine = {
  start: (process: PreparedProcess, _clock: Clock) => createInstance(process),
  step: stepProcess,
} satisfies Engine<PreparedProcess, ProcessInstance, ProcessEvent, ProcessEffect>;
