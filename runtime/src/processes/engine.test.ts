import { describe, expect, it } from 'vitest';
import { chain, end, flow, node, processBody, start, userTask } from '../../test-fixtures/process-kit.js';
import type { ProcessBody } from '../definitions/process/schema.js';
import { validateDefinitionBody } from '../definitions/validate-body.js';
import { fixedClock } from '../engine.js';
import { createInstance, stepProcess } from './engine.js';
import type { ProcessEvent } from './events.js';
import type { ProcessInstance } from './instance.js';
import { prepareProcess } from './prepared-process.js';

/** Runs events one after another from a fresh instance; answers every step's result. */
function run(body: ProcessBody, events: ProcessEvent[]) {
  expect(validateDefinitionBody('process', body, 'en')).toEqual([]);
  const process = prepareProcess(body, { key: 'p', version: 3 });
  let instance: ProcessInstance = createInstance(process);
  return events.map((event, i) => {
    const result = stepProcess(process, instance, event, fixedClock(1000 * i));
    instance = result.state;
    return result;
  });
}

const openTasks = (instance: ProcessInstance) =>
  instance.tokens.flatMap((t) =>
    t.wait?.kind === 'tasks' ? t.wait.tasks.map((k) => `${t.nodeId}:${k.taskId}`) : [],
  );

describe('process engine', () => {
  it('starts once, on the version it was created for', () => {
    const [first, second] = run(processBody([start(), userTask('t'), end()], chain('start', 't', 'end')), [
      { type: 'start' },
      { type: 'start' },
    ]);
    expect(first?.state).toMatchObject({ processKey: 'p', processVersion: 3, status: 'running' });
    expect(second?.refused).toBe('the instance has already started');
  });

  it('fires an inclusive join when a taken branch ends elsewhere and can no longer arrive', () => {
    const body = processBody(
      [
        start(),
        node('split', 'bpmn.inclusiveGateway'),
        userTask('a'),
        userTask('b'),
        node('decide', 'bpmn.exclusiveGateway'),
        end('dropped'),
        node('join', 'bpmn.inclusiveGateway'),
        end(),
      ],
      [
        flow('start', 'split'),
        flow('split', 'a', { condition: 'true' }),
        flow('split', 'b', { condition: 'true' }),
        flow('a', 'join'),
        flow('b', 'decide'),
        flow('decide', 'join', { condition: 'keep' }),
        flow('decide', 'dropped', { isDefault: true }),
        flow('join', 'end'),
      ],
    );
    const steps = run(body, [
      { type: 'start', variables: { keep: false } },
      { type: 'taskCompleted', taskId: 'task-3', actor: 'x' },
      { type: 'taskCompleted', taskId: 'task-4', actor: 'x' },
    ]);
    expect(steps[1]?.state.tokens.map((t) => `${t.nodeId}:${t.wait?.kind}`)).toEqual([
      'join:join',
      'b:tasks',
    ]);
    expect(steps[2]?.state.status).toBe('completed');
    expect(steps[2]?.state.history.map((h) => `${h.nodeId} ${h.outcome}`).slice(-4)).toEqual([
      'join joined',
      'decide completed',
      'dropped ended',
      'end ended',
    ]);
  });

  it('cancels a sub-process’s inner tasks when its interrupting boundary timer fires', () => {
    const body = processBody(
      [
        start(),
        node('sp', 'bpmn.subProcess'),
        node('s2', 'bpmn.startEvent', { trigger: 'none' }, { parent: 'sp' }),
        node('split', 'bpmn.parallelGateway', {}, { parent: 'sp' }),
        { ...userTask('x', 'a'), parent: 'sp' } as never,
        { ...userTask('y', 'b'), parent: 'sp' } as never,
        { ...end('e1'), parent: 'sp' } as never,
        { ...end('e2'), parent: 'sp' } as never,
        node('late', 'bpmn.boundaryEvent', {
          attachedTo: 'sp',
          kind: 'timer',
          interrupting: true,
          durationSeconds: 60,
        }),
        end(),
        end('timedOut'),
      ],
      [
        ...chain('start', 'sp', 'end'),
        ...chain('s2', 'split', 'x', 'e1'),
        ...chain('split', 'y', 'e2'),
        flow('late', 'timedOut'),
      ],
    );
    const [started, fired] = run(body, [{ type: 'start' }, { type: 'timerFired', key: 'tok-1:late:3' }]);
    expect(started?.effects).toContainEqual({ type: 'scheduleTimer', key: 'tok-1:late:3', at: 60_000 });
    expect(openTasks(started?.state as ProcessInstance)).toHaveLength(2);
    expect(fired?.effects.filter((e) => e.type === 'cancelTask')).toHaveLength(2);
    expect(fired?.state.status).toBe('completed');
    expect(fired?.state.history.at(-1)).toMatchObject({ nodeId: 'timedOut', outcome: 'ended' });
  });

  it('passes a failed service task to an error boundary without a code (it catches any)', () => {
    const body = processBody(
      [
        start(),
        node('each', 'bpmn.serviceTask', { action: 'script', script: 'charge' }),
        node('bad', 'bpmn.boundaryEvent', { attachedTo: 'each', kind: 'error', interrupting: true }),
        end(),
        end('failed'),
      ],
      [...chain('start', 'each', 'end'), flow('bad', 'failed')],
    );
    const [, failed] = run(body, [
      { type: 'start' },
      { type: 'effectResult', requestId: 'req-2', ok: false, error: { code: 'x', message: 'no money' } },
    ]);
    expect(failed?.state.history.map((h) => `${h.nodeId} ${h.outcome}`)).toEqual([
      'start started',
      'each error',
      'bad fired',
      'failed ended',
    ]);
  });

  it('ends every run of a multi-instance sub-process when one fails into the sub-process’s error boundary', () => {
    const body = processBody(
      [
        start(),
        node('each', 'bpmn.subProcess', {
          multiInstance: { mode: 'parallel', collection: 'items', element: 'item' },
        }),
        node('s2', 'bpmn.startEvent', { trigger: 'none' }, { parent: 'each' }),
        node(
          'charge',
          'bpmn.serviceTask',
          { action: 'script', script: 'charge', input: { sum: 'item' } },
          { parent: 'each' },
        ),
        { ...end('e2'), parent: 'each' } as never,
        node('bad', 'bpmn.boundaryEvent', {
          attachedTo: 'each',
          kind: 'error',
          interrupting: true,
          errorCode: 'declined',
        }),
        end(),
        end('failed'),
      ],
      [...chain('start', 'each', 'end'), ...chain('s2', 'charge', 'e2'), flow('bad', 'failed')],
    );
    const [started, failed, late] = run(body, [
      { type: 'start', variables: { items: [10, 20] } },
      { type: 'effectResult', requestId: 'req-6', ok: false, error: { code: 'declined', message: 'no' } },
      { type: 'effectResult', requestId: 'req-7', ok: true },
    ]);
    expect(started?.effects).toEqual([
      { type: 'runScript', requestId: 'req-6', script: 'charge', input: { sum: 10 } },
      { type: 'runScript', requestId: 'req-7', script: 'charge', input: { sum: 20 } },
    ]);
    expect(failed?.state.status).toBe('completed');
    expect(failed?.state.history.at(-1)).toMatchObject({ nodeId: 'failed', outcome: 'ended' });
    expect(late?.refused).toBe('the instance has completed');
  });

  it('refuses a decision without the hash the server says is current, and keeps the hash on the sheet', () => {
    const body = processBody(
      [
        start(),
        node('ok', 'opora.approvalTask', {
          approvers: { kind: 'expression', value: 'approvers' },
          mode: 'parallel',
          rule: 'all',
          fourEyes: true,
        }),
        end(),
      ],
      chain('start', 'ok', 'end'),
    );
    const steps = run(body, [
      { type: 'start', actor: 'author', variables: { approvers: ['author', 'anna'] } },
      { type: 'taskCompleted', taskId: 'task-2', actor: 'anna', outcome: 'approve', currentHash: 'v2' },
      {
        type: 'taskCompleted',
        taskId: 'task-2',
        actor: 'anna',
        outcome: 'approve',
        seenHash: 'v2',
        currentHash: 'v2',
      },
    ]);
    // The author is dropped from the approvers (four eyes): one task, for anna.
    expect(steps[0]?.effects).toEqual([
      expect.objectContaining({
        type: 'createTask',
        taskId: 'task-2',
        assignee: { kind: 'user', value: 'anna' },
      }),
    ]);
    expect(steps[1]?.refused).toMatch(/document changed/);
    expect(steps[2]?.state.decisions).toEqual([
      { nodeId: 'ok', round: 1, slot: 0, actor: 'anna', outcome: 'approve', at: 2000, hash: 'v2' },
    ]);
    expect(steps[2]?.state.variables.outcome).toBe('approved');
    expect(steps[2]?.state.variables.outcomeComment).toBeNull();
  });

  it('leaves a rejection with the deciding approver’s comment for the next steps', () => {
    const body = processBody(
      [
        start(),
        node('ok', 'opora.approvalTask', {
          approvers: { kind: 'users', value: 'anna,boris' },
          mode: 'parallel',
          rule: 'all',
          fourEyes: true,
        }),
        end(),
      ],
      chain('start', 'ok', 'end'),
    );
    const steps = run(body, [
      { type: 'start', actor: 'author' },
      { type: 'taskCompleted', taskId: 'task-2', actor: 'anna', outcome: 'approve', comment: 'Согласна' },
      { type: 'taskCompleted', taskId: 'task-3', actor: 'boris', outcome: 'reject', comment: 'Нет счёта' },
    ]);
    expect(steps[2]?.state.status).toBe('completed');
    expect(steps[2]?.state.variables).toMatchObject({ outcome: 'rejected', outcomeComment: 'Нет счёта' });
  });

  it('fails an approval with no approvers but the author, naming the node', () => {
    const body = processBody(
      [
        start(),
        node('ok', 'opora.approvalTask', {
          approvers: { kind: 'users', value: 'author' },
          mode: 'parallel',
          rule: 'any',
          fourEyes: true,
        }),
        end(),
      ],
      chain('start', 'ok', 'end'),
    );
    const [started] = run(body, [{ type: 'start', actor: 'author' }]);
    expect(started?.state.status).toBe('failed');
    expect(started?.state.error).toEqual({
      nodeId: 'ok',
      message: 'approval "ok" has no approvers (the author cannot approve)',
    });
  });

  it('refuses a message nobody waits for, and matches one by name and correlation key', () => {
    const body = processBody(
      [
        start(),
        node('m', 'bpmn.intermediateCatchEvent', {
          kind: 'message',
          message: 'paid',
          correlationKey: 'order.id',
        }),
        end(),
      ],
      chain('start', 'm', 'end'),
    );
    const steps = run(body, [
      { type: 'start', variables: { order: { id: 7 } } },
      { type: 'messageReceived', name: 'paid', correlation: 8 },
      { type: 'messageReceived', name: 'paid', correlation: 7, variables: { paidAt: 'today' } },
    ]);
    expect(steps[1]?.refused).toBe('no instance token waits for this message');
    expect(steps[2]?.state).toMatchObject({ status: 'completed', variables: { paidAt: 'today' } });
  });

  it('keeps `__proto__` out of the variables a task returns', () => {
    const [, done] = run(processBody([start(), userTask('t'), end()], chain('start', 't', 'end')), [
      { type: 'start' },
      {
        type: 'taskCompleted',
        taskId: 'task-2',
        actor: 'x',
        variables: JSON.parse('{"__proto__": {"polluted": 1}, "ok": 1}'),
      },
    ]);
    expect(done?.state.variables).toEqual({ ok: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
