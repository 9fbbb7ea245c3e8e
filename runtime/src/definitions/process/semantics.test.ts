import { describe, expect, it } from 'vitest';
import { chain, end, flow, node, processBody, start, userTask } from '../../../test-fixtures/process-kit.js';
import { migrateDefinitionBody } from '../migrations.js';
import { validateDefinitionBody } from '../validate-body.js';

const problems = (body: unknown, locale: 'ru' | 'en' = 'en') =>
  validateDefinitionBody('process', body, locale).map((p) => `${p.pointer} ${p.code}: ${p.message}`);

describe('process publish checks', () => {
  it('accepts a straight process', () => {
    expect(problems(processBody([start(), userTask('t'), end()], chain('start', 't', 'end')))).toEqual([]);
  });

  it('names a missing start, in Russian by default', () => {
    expect(problems(processBody([userTask('t'), end()], chain('t', 'end')), 'ru')).toEqual([
      '/nodes start: В процессе нет стартового события',
    ]);
  });

  it('names dead ends and unreachable nodes', () => {
    const body = processBody(
      [start(), userTask('t', 'x', {}), userTask('lost'), end()],
      [flow('start', 't'), flow('lost', 'end')],
    );
    body.nodes[1] = { ...body.nodes[1], name: 'Проверить' } as never;
    expect(problems(body)).toEqual([
      '/nodes/1 dead_end: No flow leaves User task "Проверить" (t): a token would get stuck there',
      '/nodes/2 unreachable: No path from a start reaches User task (lost)',
      '/nodes/3 unreachable: No path from a start reaches End event (end)',
    ]);
  });

  it('names a parallel split joined by an exclusive gateway', () => {
    const body = processBody(
      [
        start(),
        node('split', 'bpmn.parallelGateway'),
        userTask('a'),
        userTask('b'),
        node('xor', 'bpmn.exclusiveGateway'),
        end(),
      ],
      [...chain('start', 'split', 'a', 'xor', 'end'), ...chain('split', 'b', 'xor')],
    );
    expect(problems(body)).toEqual([
      '/nodes/1 parallel_exclusive_join: The branches of parallel gateway Parallel gateway (split) meet at exclusive gateway Exclusive gateway (xor): use a parallel one',
    ]);
  });

  it('accepts a parallel split joined by a parallel gateway, and a loop merged by an exclusive one', () => {
    const body = processBody(
      [
        start(),
        node('again', 'bpmn.exclusiveGateway'),
        node('split', 'bpmn.parallelGateway'),
        userTask('a'),
        userTask('b'),
        node('join', 'bpmn.parallelGateway'),
        node('ok', 'bpmn.exclusiveGateway'),
        end(),
      ],
      [
        ...chain('start', 'again', 'split', 'a', 'join', 'ok'),
        ...chain('split', 'b', 'join'),
        flow('ok', 'end', { condition: 'done' }),
        flow('ok', 'again', { isDefault: true }),
      ],
    );
    expect(problems(body)).toEqual([]);
  });

  it('names a timer with no duration, flows to missing nodes, and gateways whose flows cannot be chosen', () => {
    const body = processBody(
      [
        start(),
        node('wait', 'bpmn.intermediateCatchEvent', { kind: 'timer' }),
        node('xor', 'bpmn.exclusiveGateway'),
        userTask('a'),
        end(),
      ],
      [...chain('start', 'wait', 'xor', 'a', 'end'), flow('xor', 'end'), flow('a', 'ghost')],
    );
    expect(problems(body)).toEqual([
      '/flows/5/target reference: Flow a-ghost has no node "ghost"',
      '/nodes/1/config/durationSeconds timer: Intermediate catch event (wait): the timer has no duration',
      '/nodes/2 conditions: Exclusive gateway (xor) has flows with no condition that are not the default: xor-a, xor-end',
    ]);
  });

  it('names boundary events attached to nothing or to a gateway', () => {
    const body = processBody(
      [
        start(),
        node('xor', 'bpmn.exclusiveGateway'),
        end(),
        node('b1', 'bpmn.boundaryEvent', {
          attachedTo: 'nothing',
          kind: 'timer',
          interrupting: true,
          durationSeconds: 5,
        }),
        node('b2', 'bpmn.boundaryEvent', {
          attachedTo: 'xor',
          kind: 'timer',
          interrupting: true,
          durationSeconds: 5,
        }),
      ],
      [...chain('start', 'xor', 'end'), flow('b1', 'end'), flow('b2', 'end')],
    );
    expect(problems(body).filter((p) => p.includes('boundary:'))).toEqual([
      '/nodes/3/config/attachedTo boundary: Boundary event Boundary event (b1) is attached to no activity ("nothing")',
      '/nodes/4/config/attachedTo boundary: Boundary event Boundary event (b2) is attached to Exclusive gateway (xor), which is not an activity',
    ]);
  });

  it('keeps annotations alone but names kept elements connected to the graph', () => {
    const kept = [
      { id: 'note', bpmnType: 'textAnnotation', xml: '<textAnnotation id="note"/>' },
      { id: 'signal', bpmnType: 'intermediateCatchEvent', xml: '<intermediateCatchEvent id="signal"/>' },
    ];
    const body = processBody([start(), end()], [...chain('start', 'end'), flow('start', 'signal')], { kept });
    expect(problems(body)).toEqual([
      '/flows/1/target kept_connected: Flow start-signal connects the non-executable element intermediateCatchEvent "signal": remove the element or the flow',
    ]);
  });

  it('names expressions that do not parse', () => {
    const body = processBody(
      [start(), node('xor', 'bpmn.exclusiveGateway'), end(), end('e2')],
      [
        flow('start', 'xor'),
        flow('xor', 'end', { condition: 'amount >' }),
        flow('xor', 'e2', { isDefault: true }),
      ],
    );
    expect(problems(body).map((p) => p.split(':')[0])).toEqual(['/flows/1/condition expression_incomplete']);
  });

  it('names a multi-instance activity with no list or an element name no expression can read', () => {
    const body = processBody(
      [
        start(),
        userTask('t', 'clerk', { multiInstance: { mode: 'parallel', collection: ' ', element: 'item' } }),
        node('call', 'bpmn.callActivity', {
          process: 'child',
          multiInstance: { mode: 'sequential', collection: 'orders', element: '1st' },
        }),
        node('sub', 'bpmn.subProcess', {
          multiInstance: { mode: 'parallel', collection: 'rows', element: '' },
        }),
        end(),
      ],
      chain('start', 't', 'call', 'sub', 'end'),
    );
    const mine = (locale: 'ru' | 'en') => problems(body, locale).filter((p) => p.includes('/multiInstance/'));
    expect(mine('en')).toEqual([
      '/nodes/1/config/multiInstance/collection required: User task (t): no list is given to run it for each item of',
      '/nodes/2/config/multiInstance/element pattern: Call activity (call): "1st" cannot name the item\'s variable: Latin letters, digits and _, not starting with a digit, up to 64 characters',
      '/nodes/3/config/multiInstance/element required: Sub-process (sub): no variable name is given for the list item',
    ]);
    expect(mine('ru')[0]).toBe(
      '/nodes/1/config/multiInstance/collection required: Задача (t): не указан список, для каждого элемента которого выполняется действие',
    );
  });

  it('accepts a multi-instance activity with a list and an element name', () => {
    const mi = {
      mode: 'parallel',
      collection: 'approvers',
      element: 'approver',
      completionCondition: 'nrOfCompletedInstances >= 2',
    };
    expect(
      problems(
        processBody(
          [start(), userTask('t', 'clerk', { multiInstance: mi }), end()],
          chain('start', 't', 'end'),
        ),
      ),
    ).toEqual([]);
  });
});

describe('process migrations', () => {
  it('lifts the v1 placeholder to a BPMN body that validates', () => {
    const v1 = {
      schemaVersion: 1,
      title: { ru: 'Старое' },
      nodes: [
        { id: 's', type: 'bpm.start', typeVersion: 1, config: {}, position: { x: 1, y: 2 } },
        { id: 'x', type: 'bpm.task', typeVersion: 1, config: {} },
        { id: 'e', type: 'bpm.end', typeVersion: 1, config: {} },
      ],
      edges: [
        { id: 'a', from: 's', to: 'e' },
        { id: 'b', from: 's', to: 'x' },
      ],
    };
    const v2 = migrateDefinitionBody('process', v1);
    expect(v2).toEqual({
      schemaVersion: 2,
      title: { ru: 'Старое' },
      nodes: [
        {
          id: 's',
          type: 'bpmn.startEvent',
          typeVersion: 1,
          position: { x: 1, y: 2 },
          config: { trigger: 'none' },
        },
        { id: 'e', type: 'bpmn.endEvent', typeVersion: 1, config: { result: 'none' } },
      ],
      flows: [{ id: 'a', source: 's', target: 'e' }],
    });
    expect(problems(v2)).toEqual([]);
  });
});
