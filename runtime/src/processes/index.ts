export type { ProcessEffect } from './effects.js';
export { createInstance, type ProcessStep, processEngine, stepProcess } from './engine.js';
export type { ProcessEvent } from './events.js';
export type {
  ApprovalState,
  Decision,
  HistoryEntry,
  InstanceStatus,
  OpenTask,
  ProcessInstance,
  TaskAssignee,
  Token,
  Wait,
} from './instance.js';
export { type NodeProblem, type NodeShape, variableNamePattern } from './node-shape.js';
export type { NodeContext, NodeOutcome, NodeSpec, ResumeEvent } from './node-spec.js';
export type { MultiInstance } from './nodes/multi-instance.js';
export {
  type NodeOfType,
  type NodeType,
  nodeShapeOf,
  nodeShapes,
  nodeTypes,
  type ProcessNode,
} from './nodes/shapes.js';
export { type PreparedProcess, prepareProcess } from './prepared-process.js';
export { nodeRegistry, nodeSpecOf } from './registry.js';
export { maxNodeEntriesPerEvent } from './walk.js';
