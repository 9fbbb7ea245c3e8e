import type { NodeShape } from '../node-shape.js';
import { type BoundaryEventNode, boundaryEventShape } from './bpmn.boundaryEvent/schema.js';
import { type CallActivityNode, callActivityShape } from './bpmn.callActivity/schema.js';
import { type EndEventNode, endEventShape } from './bpmn.endEvent/schema.js';
import { type EventBasedGatewayNode, eventBasedGatewayShape } from './bpmn.eventBasedGateway/schema.js';
import { type ExclusiveGatewayNode, exclusiveGatewayShape } from './bpmn.exclusiveGateway/schema.js';
import { type InclusiveGatewayNode, inclusiveGatewayShape } from './bpmn.inclusiveGateway/schema.js';
import {
  type IntermediateCatchEventNode,
  intermediateCatchEventShape,
} from './bpmn.intermediateCatchEvent/schema.js';
import {
  type IntermediateThrowEventNode,
  intermediateThrowEventShape,
} from './bpmn.intermediateThrowEvent/schema.js';
import { type ParallelGatewayNode, parallelGatewayShape } from './bpmn.parallelGateway/schema.js';
import { type ServiceTaskNode, serviceTaskShape } from './bpmn.serviceTask/schema.js';
import { type StartEventNode, startEventShape } from './bpmn.startEvent/schema.js';
import { type SubProcessNode, subProcessShape } from './bpmn.subProcess/schema.js';
import { type UserTaskNode, userTaskShape } from './bpmn.userTask/schema.js';
import { type ApprovalTaskNode, approvalTaskShape } from './opora.approvalTask/schema.js';

/** Every node of a process, by its `type` (BPMN 2.0 element names, plus Opora's approval task). */
export type ProcessNode =
  | StartEventNode
  | EndEventNode
  | UserTaskNode
  | ApprovalTaskNode
  | ServiceTaskNode
  | ExclusiveGatewayNode
  | ParallelGatewayNode
  | InclusiveGatewayNode
  | EventBasedGatewayNode
  | IntermediateCatchEventNode
  | IntermediateThrowEventNode
  | BoundaryEventNode
  | SubProcessNode
  | CallActivityNode;

export type NodeType = ProcessNode['type'];
export type NodeOfType<T extends NodeType> = Extract<ProcessNode, { type: T }>;

/**
 * The shape of every node type, without engine code: what the definition schema, the publish checks and the
 * BPMN import are built from. A node type missing here is a type error.
 */
export const nodeShapes: { [T in NodeType]: NodeShape<NodeOfType<T>> } = {
  'bpmn.startEvent': startEventShape,
  'bpmn.endEvent': endEventShape,
  'bpmn.userTask': userTaskShape,
  'opora.approvalTask': approvalTaskShape,
  'bpmn.serviceTask': serviceTaskShape,
  'bpmn.exclusiveGateway': exclusiveGatewayShape,
  'bpmn.parallelGateway': parallelGatewayShape,
  'bpmn.inclusiveGateway': inclusiveGatewayShape,
  'bpmn.eventBasedGateway': eventBasedGatewayShape,
  'bpmn.intermediateCatchEvent': intermediateCatchEventShape,
  'bpmn.intermediateThrowEvent': intermediateThrowEventShape,
  'bpmn.boundaryEvent': boundaryEventShape,
  'bpmn.subProcess': subProcessShape,
  'bpmn.callActivity': callActivityShape,
};

export const nodeTypes = Object.keys(nodeShapes) as NodeType[];

/** The shape of a node, whatever its type. */
export const nodeShapeOf = (node: ProcessNode): NodeShape<ProcessNode> =>
  nodeShapes[node.type] as unknown as NodeShape<ProcessNode>;
