import { describe, expect, it } from 'vitest';
import { newNode } from './new-nodes';
import { problemsByTarget, targetOfPointer } from './node-problems';
import { addNode, flowSelection, removeElements } from './process-ops';
import { sampleProcess } from './sample-process';
import { checkProcess } from './use-process-problems';

describe('problems on the canvas', () => {
  it('ties pointers to the node or flow they fall in, and the rest to the process', () => {
    const body = sampleProcess();
    expect(targetOfPointer(body, '/nodes/1/config/quorum')).toBe('approve');
    expect(targetOfPointer(body, '/nodes/2')).toBe('decide');
    expect(targetOfPointer(body, '/flows/2/condition')).toBe(flowSelection('f3'));
    expect(targetOfPointer(body, '/nodes/9')).toBeNull();
    expect(targetOfPointer(body, '/nodes')).toBeNull();
  });

  it('marks an unconnected node with the problems that name it', () => {
    const body = addNode(sampleProcess(), newNode(sampleProcess(), 'opora.approvalTask', { x: 0, y: 300 }));
    const byTarget = problemsByTarget(checkProcess(body, 'ru'));
    expect([...byTarget.keys()]).toEqual(['approval']);
    const messages = byTarget.get('approval')?.map((p) => p.message) ?? [];
    expect(messages.some((m) => m.includes('не выходит ни одного потока'))).toBe(true);
    expect(messages.some((m) => m.includes('не доходит ни один путь'))).toBe(true);
  });

  it('marks a flow whose condition does not parse, and reports a missing start for the whole process', () => {
    const body = sampleProcess();
    body.flows[2] = { id: 'f3', source: 'decide', target: 'done', condition: 'amount >' };
    expect(problemsByTarget(checkProcess(body, 'en')).has(flowSelection('f3'))).toBe(true);
    const noStart = checkProcess(removeElements(sampleProcess(), ['start']), 'en');
    expect(noStart.find((p) => p.pointer === '/nodes')?.target).toBeNull();
  });
});
