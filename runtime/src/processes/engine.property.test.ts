import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcessBody, ProcessFlow, ProcessNode } from '../definitions/process/schema.js';
import { fixedClock } from '../engine.js';
import type { ProcessEffect } from './effects.js';
import { createInstance, stepProcess } from './engine.js';
import type { ProcessEvent } from './events.js';
import type { ProcessInstance } from './instance.js';
import { prepareProcess } from './prepared-process.js';

/** Node kinds the generator draws, each with a config that validates. */
const kinds = {
  task: () => ({ type: 'bpmn.userTask', config: { assignee: { kind: 'role', value: 'clerk' } } }),
  approval: () => ({
    type: 'opora.approvalTask',
    config: {
      approvers: { kind: 'users', value: ['a', 'b'] },
      mode: 'parallel',
      rule: 'any',
      fourEyes: true,
      dueInSeconds: 60,
    },
  }),
  service: () => ({ type: 'bpmn.serviceTask', config: { action: 'script', script: 's' } }),
  xor: () => ({ type: 'bpmn.exclusiveGateway', config: {} }),
  and: () => ({ type: 'bpmn.parallelGateway', config: {} }),
  or: () => ({ type: 'bpmn.inclusiveGateway', config: {} }),
  timer: () => ({ type: 'bpmn.intermediateCatchEvent', config: { kind: 'timer', durationSeconds: 5 } }),
  end: () => ({ type: 'bpmn.endEvent', config: { result: 'none' } }),
  terminate: () => ({ type: 'bpmn.endEvent', config: { result: 'terminate' } }),
  /** A sub-process (a multi-instance one over two items) whose body is a task or a failing-prone service. */
  sub: () => ({ type: 'bpmn.subProcess', config: {} }),
  multi: () => ({
    type: 'bpmn.subProcess',
    config: {
      multiInstance: {
        mode: 'parallel',
        collection: '[1, 2]',
        element: 'item',
        completionCondition: 'x > 3',
      },
    },
  }),
  sequential: () => ({
    type: 'bpmn.userTask',
    config: {
      assignee: { kind: 'expression', value: 'item' },
      multiInstance: { mode: 'sequential', collection: '["a", "b"]', element: 'item' },
    },
  }),
  events: () => ({ type: 'bpmn.eventBasedGateway', config: {} }),
} as const;
type Kind = keyof typeof kinds;

/** A random graph: a start, then nodes whose flows lead anywhere (loops, joins and splits included). */
const processes = fc
  .array(fc.record({ kind: fc.constantFrom(...(Object.keys(kinds) as Kind[])), boundary: fc.boolean() }), {
    minLength: 1,
    maxLength: 10,
  })
  .chain((specs) =>
    fc.tuple(
      fc.constant(specs),
      fc.array(fc.tuple(fc.nat(specs.length - 1), fc.nat(specs.length - 1), fc.nat(4)), {
        minLength: specs.length,
        maxLength: specs.length,
      }),
    ),
  )
  .map(([specs, targets]): ProcessBody => {
    const nodes: ProcessNode[] = [
      { id: 'start', type: 'bpmn.startEvent', typeVersion: 1, config: { trigger: 'none' } },
    ];
    const flows: ProcessFlow[] = [{ id: 'f-start', source: 'start', target: 'n0' }];
    specs.forEach(({ kind, boundary }, i) => {
      nodes.push({ id: `n${i}`, typeVersion: 1, ...kinds[kind]() } as ProcessNode);
      if (kind === 'end' || kind === 'terminate') return;
      const [a, b, k] = targets[i] as [number, number, number];
      const gateway = kind === 'xor' || kind === 'or' || kind === 'and' || kind === 'events';
      // Prefer the next node, so most graphs reach everything; gateways split in two with conditions on x.
      flows.push({
        id: `f${i}a`,
        source: `n${i}`,
        target: `n${k === 0 ? a : Math.min(i + 1, specs.length - 1)}`,
        ...(gateway ? { condition: `x > ${k}` } : {}),
      });
      if (gateway || kind === 'approval')
        flows.push({
          id: `f${i}b`,
          source: `n${i}`,
          target: `n${b}`,
          ...(kind === 'and' ? {} : { isDefault: k % 2 === 0 }),
          ...(kind === 'approval' ? { condition: 'outcome == "rejected"' } : {}),
        });
      if (kind === 'sub' || kind === 'multi') {
        // Its body: start → task or service → end (or an error end when `k` says so).
        const body = k % 2 === 0 ? kinds.task() : kinds.service();
        nodes.push(
          {
            id: `s${i}`,
            type: 'bpmn.startEvent',
            typeVersion: 1,
            parent: `n${i}`,
            config: { trigger: 'none' },
          } as ProcessNode,
          { id: `w${i}`, typeVersion: 1, parent: `n${i}`, ...body } as ProcessNode,
          {
            id: `e${i}`,
            type: 'bpmn.endEvent',
            typeVersion: 1,
            parent: `n${i}`,
            config: k === 3 ? { result: 'error', errorCode: 'bad' } : { result: 'none' },
          } as ProcessNode,
        );
        flows.push(
          { id: `fs${i}`, source: `s${i}`, target: `w${i}` },
          { id: `fw${i}`, source: `w${i}`, target: `e${i}` },
        );
        if (boundary) {
          nodes.push({
            id: `b${i}`,
            type: 'bpmn.boundaryEvent',
            typeVersion: 1,
            config: {
              attachedTo: `n${i}`,
              kind: k % 2 ? 'error' : 'timer',
              interrupting: true,
              durationSeconds: 30,
            },
          } as ProcessNode);
          flows.push({ id: `f${i}c`, source: `b${i}`, target: `n${b}` });
        }
      }
      if (kind === 'events') {
        // The gateway's flows lead to two timers of its own, which go on into the graph.
        flows.splice(flows.length - 2, 2);
        for (const [j, target] of [a, b].entries()) {
          nodes.push({
            id: `t${i}-${j}`,
            type: 'bpmn.intermediateCatchEvent',
            typeVersion: 1,
            config: { kind: 'timer', durationSeconds: 1 + j },
          } as ProcessNode);
          flows.push(
            { id: `fe${i}-${j}`, source: `n${i}`, target: `t${i}-${j}` },
            { id: `ft${i}-${j}`, source: `t${i}-${j}`, target: `n${target}` },
          );
        }
      }
      if (boundary && (kind === 'task' || kind === 'service')) {
        nodes.push({
          id: `b${i}`,
          type: 'bpmn.boundaryEvent',
          typeVersion: 1,
          config: {
            attachedTo: `n${i}`,
            kind: kind === 'task' ? 'timer' : 'error',
            interrupting: k % 2 === 0 || kind === 'service',
            durationSeconds: 10,
          },
        } as ProcessNode);
        flows.push({ id: `f${i}c`, source: `b${i}`, target: `n${b}` });
      }
    });
    return { schemaVersion: 2, title: { ru: 'p' }, nodes, flows };
  });

/** What the events pick from the state: an open task, a pending timer, an awaited result, or something stale. */
const choices = fc.array(
  fc.record({
    kind: fc.constantFrom('task', 'timer', 'result', 'stale'),
    pick: fc.nat(),
    ok: fc.boolean(),
    x: fc.nat(4),
  }),
  { minLength: 1, maxLength: 25 },
);

function liveKeys(instance: ProcessInstance) {
  const tasks = new Set<string>();
  const timers = new Set<string>();
  const results = new Set<string>();
  for (const t of instance.tokens) {
    for (const b of t.boundaries ?? []) timers.add(b.key);
    const w = t.wait;
    if (w?.kind === 'tasks')
      for (const task of w.tasks) {
        tasks.add(task.taskId);
        for (const key of [task.dueKey, task.remindKey]) if (key) timers.add(key);
      }
    if (w?.kind === 'timer') timers.add(w.key);
    if (w?.kind === 'events') for (const x of w.timers) timers.add(x.key);
    if (w?.kind === 'result') results.add(w.requestId);
  }
  return { tasks, timers, results };
}

function eventFor(
  choice: { kind: string; pick: number; ok: boolean; x: number },
  instance: ProcessInstance,
): ProcessEvent {
  const live = liveKeys(instance);
  const from = (set: Set<string>) => [...set][choice.pick % Math.max(set.size, 1)];
  if (choice.kind === 'task' && live.tasks.size)
    return {
      type: 'taskCompleted',
      taskId: from(live.tasks) as string,
      actor: choice.ok ? 'a' : 'b',
      outcome: choice.ok ? 'approve' : 'reject',
      variables: { x: choice.x },
    };
  if (choice.kind === 'timer' && live.timers.size)
    return { type: 'timerFired', key: from(live.timers) as string };
  if (choice.kind === 'result' && live.results.size)
    return {
      type: 'effectResult',
      requestId: from(live.results) as string,
      ok: choice.ok,
      ...(choice.ok ? {} : { error: { message: 'no' } }),
    };
  return { type: 'timerFired', key: `stale-${choice.pick}` };
}

/** The ledger of what effects opened and closed: what stays open must be exactly what the state waits for. */
function track(
  ledger: { tasks: Set<string>; timers: Set<string> },
  effects: ProcessEffect[],
  event: ProcessEvent,
) {
  if (event.type === 'taskCompleted') ledger.tasks.delete(event.taskId);
  if (event.type === 'timerFired') ledger.timers.delete(event.key);
  for (const e of effects) {
    if (e.type === 'createTask') ledger.tasks.add(e.taskId);
    if (e.type === 'cancelTask') ledger.tasks.delete(e.taskId);
    if (e.type === 'scheduleTimer') ledger.timers.add(e.key);
    if (e.type === 'cancelTimer') ledger.timers.delete(e.key);
  }
}

describe('process engine properties', () => {
  it('never throws, and loses or duplicates no token, task or timer', () => {
    fc.assert(
      fc.property(processes, choices, fc.nat(4), (body, events, x) => {
        const process = prepareProcess(body, { key: 'p', version: 1 });
        let instance = createInstance(process);
        const ledger = { tasks: new Set<string>(), timers: new Set<string>() };
        let ended = 0;
        const all: ProcessEvent[] = [{ type: 'start', variables: { x }, actor: 'author' }];
        for (let i = 0; i < events.length + 1; i++) {
          const event = i === 0 ? (all[0] as ProcessEvent) : eventFor(events[i - 1] as never, instance);
          const before = instance;
          const result = stepProcess(process, instance, event, fixedClock(1_000 * i));
          if (result.refused) {
            expect(result.state).toBe(before);
            expect(result.effects).toEqual([]);
            continue;
          }
          instance = result.state;
          track(ledger, result.effects, event);
          ended += result.effects.filter((e) => e.type === 'ended').length;
          // Every token rests somewhere with exactly one open history entry; every open entry is a live token's.
          const ids = instance.tokens.map((t) => t.id);
          expect(new Set(ids).size).toBe(ids.length);
          const open = instance.history.flatMap((h, at) => (h.leftAt === undefined ? [at] : []));
          expect(open.sort()).toEqual(instance.tokens.map((t) => t.entry).sort());
          for (const t of instance.tokens) {
            expect(instance.history[t.entry]?.tokenId).toBe(t.id);
            expect(t.wait).toBeDefined();
          }
          const live = liveKeys(instance);
          expect([...ledger.tasks].sort()).toEqual([...live.tasks].sort());
          expect([...ledger.timers].sort()).toEqual([...live.timers].sort());
          if (instance.status !== 'running') expect(instance.tokens).toEqual([]);
        }
        expect(ended).toBe(instance.status === 'running' ? 0 : 1);
      }),
      { numRuns: 300 },
    );
  });

  it('answers the same to the same inputs (a replay reproduces the effects)', () => {
    fc.assert(
      fc.property(processes, fc.nat(4), (body, x) => {
        const process = prepareProcess(body, { key: 'p', version: 1 });
        const start: ProcessEvent = { type: 'start', variables: { x } };
        const a = stepProcess(process, createInstance(process), start, fixedClock(5));
        const b = stepProcess(process, createInstance(process), start, fixedClock(5));
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
