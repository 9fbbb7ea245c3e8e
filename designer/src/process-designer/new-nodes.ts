import type { ProcessBody, ProcessNode } from '@opora/runtime/definitions';
import type { NodeOfType, NodeType } from '@opora/runtime/processes';
import { defaultSize } from './process-layout';
import { freshId } from './process-ops';

/**
 * What a node of each type starts with: the smallest config its schema accepts, so a node added from the
 * palette is valid at once and only the graph checks (not connected yet) speak about it. A node type without a
 * starting config here does not compile.
 */
const starters: { [T in NodeType]: () => NodeOfType<T>['config'] } = {
  'bpmn.startEvent': () => ({ trigger: 'none' }),
  'bpmn.endEvent': () => ({ result: 'none' }),
  'bpmn.userTask': () => ({ assignee: { kind: 'role', value: 'operator' } }),
  'opora.approvalTask': () => ({
    approvers: { kind: 'roles', value: 'supervisor' },
    mode: 'sequential',
    rule: 'all',
    allowReturn: true,
    fourEyes: true,
  }),
  'bpmn.serviceTask': () => ({ action: 'script' }),
  'bpmn.exclusiveGateway': () => ({}),
  'bpmn.parallelGateway': () => ({}),
  'bpmn.inclusiveGateway': () => ({}),
  'bpmn.eventBasedGateway': () => ({}),
  'bpmn.intermediateCatchEvent': () => ({ kind: 'timer', durationSeconds: 3600 }),
  'bpmn.intermediateThrowEvent': () => ({ kind: 'none' }),
  'bpmn.boundaryEvent': () => ({
    attachedTo: '',
    kind: 'timer',
    interrupting: true,
    durationSeconds: 86_400,
  }),
  'bpmn.subProcess': () => ({}),
  'bpmn.callActivity': () => ({ process: '' }),
};

/** Ids as analysts would read them in a BPMN file: `approval`, `approval_2` … */
const idBases: Record<NodeType, string> = {
  'bpmn.startEvent': 'start',
  'bpmn.endEvent': 'end',
  'bpmn.userTask': 'task',
  'opora.approvalTask': 'approval',
  'bpmn.serviceTask': 'service',
  'bpmn.exclusiveGateway': 'xor',
  'bpmn.parallelGateway': 'and',
  'bpmn.inclusiveGateway': 'or',
  'bpmn.eventBasedGateway': 'event_gateway',
  'bpmn.intermediateCatchEvent': 'wait',
  'bpmn.intermediateThrowEvent': 'event',
  'bpmn.boundaryEvent': 'boundary',
  'bpmn.subProcess': 'subprocess',
  'bpmn.callActivity': 'call',
};

/** A new node of `type` at `at` (its top-left corner), with a fresh id and the type's BPMN size. */
export function newNode(body: ProcessBody, type: NodeType, at: { x: number; y: number }): ProcessNode {
  const size = defaultSize(type);
  return {
    id: freshId(body, idBases[type]),
    type,
    typeVersion: 1,
    position: { x: Math.round(at.x), y: Math.round(at.y), ...size },
    config: starters[type](),
  } as ProcessNode;
}
