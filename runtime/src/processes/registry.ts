import type { ProcessNode } from '../definitions/process/schema.js';
import type { NodeSpec } from './node-spec.js';
import { boundaryEventNode } from './nodes/bpmn.boundaryEvent/run.js';
import { callActivityNode } from './nodes/bpmn.callActivity/run.js';
import { endEventNode } from './nodes/bpmn.endEvent/run.js';
import { eventBasedGatewayNode } from './nodes/bpmn.eventBasedGateway/run.js';
import { exclusiveGatewayNode } from './nodes/bpmn.exclusiveGateway/run.js';
import { inclusiveGatewayNode } from './nodes/bpmn.inclusiveGateway/run.js';
import { intermediateCatchEventNode } from './nodes/bpmn.intermediateCatchEvent/run.js';
import { intermediateThrowEventNode } from './nodes/bpmn.intermediateThrowEvent/run.js';
import { parallelGatewayNode } from './nodes/bpmn.parallelGateway/run.js';
import { serviceTaskNode } from './nodes/bpmn.serviceTask/run.js';
import { startEventNode } from './nodes/bpmn.startEvent/run.js';
import { subProcessNode } from './nodes/bpmn.subProcess/run.js';
import { userTaskNode } from './nodes/bpmn.userTask/run.js';
import { approvalTaskNode } from './nodes/opora.approvalTask/run.js';
import type { NodeOfType, NodeType } from './nodes/shapes.js';

/**
 * Every node type as the engine runs it. Typed as a record over {@link NodeType}, so a node type without a run
 * here does not compile; the designer's panels mirror the folders (`designer/src/process-designer/nodes/<type>`).
 */
export const nodeRegistry: { [T in NodeType]: NodeSpec<NodeOfType<T>> } = {
  'bpmn.startEvent': startEventNode,
  'bpmn.endEvent': endEventNode,
  'bpmn.userTask': userTaskNode,
  'opora.approvalTask': approvalTaskNode,
  'bpmn.serviceTask': serviceTaskNode,
  'bpmn.exclusiveGateway': exclusiveGatewayNode,
  'bpmn.parallelGateway': parallelGatewayNode,
  'bpmn.inclusiveGateway': inclusiveGatewayNode,
  'bpmn.eventBasedGateway': eventBasedGatewayNode,
  'bpmn.intermediateCatchEvent': intermediateCatchEventNode,
  'bpmn.intermediateThrowEvent': intermediateThrowEventNode,
  'bpmn.boundaryEvent': boundaryEventNode,
  'bpmn.subProcess': subProcessNode,
  'bpmn.callActivity': callActivityNode,
};

export const nodeSpecOf = (node: ProcessNode): NodeSpec<ProcessNode> =>
  nodeRegistry[node.type] as unknown as NodeSpec<ProcessNode>;
