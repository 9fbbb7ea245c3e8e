import { type ProcessBody, validateDefinitionBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { newNode } from './new-nodes';
import {
  addNode,
  connect,
  flowSelection,
  flowsTouching,
  moveNode,
  removeElements,
  setDefaultFlow,
  setParent,
} from './process-ops';
import { createProcessStore } from './process-store';
import { sampleProcess } from './sample-process';

describe('process store', () => {
  it('undoes and redoes adding, connecting and removing nodes, reporting each body', () => {
    const reported: ProcessBody[] = [];
    const store = createProcessStore(sampleProcess(), (b) => reported.push(b));
    const task = newNode(store.get().body, 'bpmn.userTask', { x: 200, y: 300 });
    store.change((b) => addNode(b, task), task.id);
    store.change((b) => connect(b, 'start', task.id));
    store.change((b) => removeElements(b, ['approve']), null);
    expect(store.get().body.nodes.map((n) => n.id)).toEqual(['start', 'decide', 'done', 'refused', 'task']);
    expect(store.get().body.flows.map((f) => f.id)).toEqual(['f3', 'f4', 'flow_start_task']);
    store.undo();
    expect(store.get().body.flows).toHaveLength(5);
    expect(store.get().selected).toBe('task');
    store.undo();
    store.undo();
    expect(store.get().body).toEqual(sampleProcess());
    store.redo();
    expect(store.get().selected).toBe('task');
    expect(reported).toHaveLength(7);
  });

  it('merges typing in one field into one step and keeps a flow selected across undo', () => {
    const store = createProcessStore(sampleProcess(), () => undefined);
    store.select(flowSelection('f3'));
    for (const name of ['Д', 'Да'])
      store.change(
        (b) => ({ ...b, flows: b.flows.map((f) => (f.id === 'f3' ? { ...f, name } : f)) }),
        undefined,
        'flow:f3:name',
      );
    expect(store.get().past).toHaveLength(1);
    store.undo();
    expect(store.get().selected).toBe(flowSelection('f3'));
    expect(store.get().body).toEqual(sampleProcess());
  });

  it('drops a selection whose node is gone after a reload', () => {
    const store = createProcessStore(sampleProcess(), () => undefined);
    store.select('approve');
    store.reset(removeElements(sampleProcess(), ['approve']));
    expect(store.get().selected).toBeNull();
  });
});

describe('process edits', () => {
  it('refuses a flow onto itself, to a missing node, or repeated', () => {
    const body = sampleProcess();
    expect(connect(body, 'start', 'start')).toBe(body);
    expect(connect(body, 'start', 'nowhere')).toBe(body);
    const once = connect(body, 'approve', 'done');
    expect(connect(once, 'approve', 'done')).toBe(once);
  });

  it('removes the boundary events and children of removed activities, and lists the flows going along', () => {
    let body = sampleProcess();
    const timer = { ...newNode(body, 'bpmn.boundaryEvent', { x: 260, y: 160 }) };
    if (timer.type !== 'bpmn.boundaryEvent') throw new Error('not a boundary event');
    body = addNode(body, { ...timer, config: { ...timer.config, attachedTo: 'approve' } });
    body = connect(body, timer.id, 'refused');
    expect(flowsTouching(body, ['approve']).map((f) => f.id)).toEqual(['f1', 'f2']);
    const after = removeElements(body, ['approve']);
    expect(after.nodes.map((n) => n.id)).toEqual(['start', 'decide', 'done', 'refused']);
    expect(after.flows.map((f) => f.id)).toEqual(['f3', 'f4']);
  });

  it('moves a node keeping its size, carrying its boundary events along; the same body when it did not move', () => {
    let body = sampleProcess();
    body = addNode(body, {
      id: 'late',
      type: 'bpmn.boundaryEvent',
      typeVersion: 1,
      position: { x: 260, y: 160, width: 36, height: 36 },
      config: { attachedTo: 'approve', kind: 'timer', interrupting: true, durationSeconds: 60 },
    });
    const moved = moveNode(body, 'approve', { x: 220.4, y: 110 });
    expect(moved.nodes[1]?.position).toEqual({ x: 220, y: 110, width: 100, height: 80 });
    expect(moved.nodes.at(-1)?.position).toEqual({ x: 280, y: 172, width: 36, height: 36 });
    expect(moveNode(moved, 'approve', { x: 220, y: 110 })).toBe(moved);
  });

  it('puts a node into a sub-process and back, never a boundary event or a node into itself', () => {
    const body = sampleProcess();
    const inside = setParent(body, 'approve', 'sub');
    expect(inside.nodes[1]?.parent).toBe('sub');
    expect(setParent(inside, 'approve', 'sub')).toBe(inside);
    expect(setParent(inside, 'approve', undefined).nodes[1]).toEqual(body.nodes[1]);
    expect(setParent(body, 'approve', 'approve')).toBe(body);
  });

  it('keeps one default flow per gateway', () => {
    const body = setDefaultFlow(sampleProcess(), 'f3', true);
    expect(body.flows.filter((f) => f.isDefault).map((f) => f.id)).toEqual(['f3']);
    expect(setDefaultFlow(body, 'f3', false).flows.some((f) => f.isDefault)).toBe(false);
  });

  it('starts the sample with no problems; a node added from the palette is named until connected', () => {
    expect(validateDefinitionBody('process', sampleProcess(), 'ru')).toEqual([]);
    const body = addNode(sampleProcess(), newNode(sampleProcess(), 'opora.approvalTask', { x: 0, y: 300 }));
    const problems = validateDefinitionBody('process', body, 'ru').map((p) => p.message);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((m) => m.includes('(approval)'))).toBe(true);
  });
});
