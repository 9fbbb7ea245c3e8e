import { type Static, Type } from '@sinclair/typebox';
import { Strict } from '../../../definitions/common-schemas.js';
import { type NodeShape, nodeSchema } from '../../node-shape.js';
import { MultiInstanceSchema, multiInstanceProblems, multiInstanceReads } from '../multi-instance.js';

/** An embedded sub-process: its children name it in `parent`; it ends when their last token ends. */
export const SubProcessSchema = nodeSchema(
  'bpmn.subProcess',
  Strict({ multiInstance: Type.Optional(MultiInstanceSchema) }),
);
export type SubProcessNode = Static<typeof SubProcessSchema>;

export const subProcessShape: NodeShape<SubProcessNode> = {
  schema: SubProcessSchema,
  category: 'activity',
  waits: true,
  reads: (node) => multiInstanceReads(node.config.multiInstance),
  problems: (node) => multiInstanceProblems(node.config.multiInstance),
};
