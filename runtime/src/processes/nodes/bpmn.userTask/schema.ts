import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, literals, Strict } from '../../../definitions/common-schemas.js';
import { ExpressionSource, type NodeShape, nodeSchema } from '../../node-shape.js';
import { MultiInstanceSchema, multiInstanceProblems, multiInstanceReads } from '../multi-instance.js';

/** Who a task goes to: a user, a role, a line's operators, or an expression giving a user id. */
export const AssigneeSchema = Strict({
  kind: literals(['user', 'role', 'line', 'expression']),
  value: Type.String({ minLength: 1, maxLength: 2000 }),
});
export type Assignee = Static<typeof AssigneeSchema>;

/** A task for a person, with the form they fill in and a due date (seconds from now, or an expression). */
export const UserTaskSchema = nodeSchema(
  'bpmn.userTask',
  Strict({
    assignee: AssigneeSchema,
    form: Type.Optional(DefinitionKey),
    dueInSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 * 86_400 })),
    dueExpression: Type.Optional(ExpressionSource),
    multiInstance: Type.Optional(MultiInstanceSchema),
  }),
);
export type UserTaskNode = Static<typeof UserTaskSchema>;

export const userTaskShape: NodeShape<UserTaskNode> = {
  schema: UserTaskSchema,
  category: 'activity',
  waits: true,
  reads: (node) => [
    ...(node.config.assignee.kind === 'expression'
      ? [{ pointer: '/config/assignee/value', expression: node.config.assignee.value }]
      : []),
    ...(node.config.dueExpression
      ? [{ pointer: '/config/dueExpression', expression: node.config.dueExpression }]
      : []),
    ...multiInstanceReads(node.config.multiInstance),
  ],
  problems: (node) => multiInstanceProblems(node.config.multiInstance),
};
