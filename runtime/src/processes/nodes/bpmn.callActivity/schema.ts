import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, Strict } from '../../../definitions/common-schemas.js';
import { ExpressionMap, expressionMapReads, type NodeShape, nodeSchema } from '../../node-shape.js';
import { MultiInstanceSchema, multiInstanceProblems, multiInstanceReads } from '../multi-instance.js';

/**
 * Starts the published process `process` with `variables` (expressions) and waits for it to end; the variables
 * it ends with are merged into this instance's.
 */
export const CallActivitySchema = nodeSchema(
  'bpmn.callActivity',
  Strict({
    process: DefinitionKey,
    variables: Type.Optional(ExpressionMap),
    multiInstance: Type.Optional(MultiInstanceSchema),
  }),
);
export type CallActivityNode = Static<typeof CallActivitySchema>;

export const callActivityShape: NodeShape<CallActivityNode> = {
  schema: CallActivitySchema,
  category: 'activity',
  waits: true,
  reads: (node) => [
    ...expressionMapReads('/config/variables', node.config.variables),
    ...multiInstanceReads(node.config.multiInstance),
  ],
  problems: (node) => multiInstanceProblems(node.config.multiInstance),
};
