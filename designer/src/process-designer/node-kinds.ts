import type { ProcessNode } from '@opora/runtime/definitions';

const activities = new Set([
  'bpmn.userTask',
  'opora.approvalTask',
  'bpmn.serviceTask',
  'bpmn.subProcess',
  'bpmn.callActivity',
]);

/** Activities carry boundary events; the canvas draws them as boxes. */
export const isActivity = (node: ProcessNode): boolean => activities.has(node.type);

export const isGateway = (node: Pick<ProcessNode, 'type'>): boolean => node.type.endsWith('Gateway');

export const isEvent = (node: Pick<ProcessNode, 'type'>): boolean => node.type.endsWith('Event');
