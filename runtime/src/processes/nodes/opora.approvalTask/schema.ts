import { type Static, Type } from '@sinclair/typebox';
import { literals, Strict } from '../../../definitions/common-schemas.js';
import { type NodeShape, nodeSchema } from '../../node-shape.js';

/**
 * Who approves: listed `users` or `roles` (value: ids, comma-separated), an `expression` giving a user id or a
 * list of them, or a `listField` of the document (a path in the variables) holding such a list.
 */
export const ApproversSchema = Strict({
  kind: literals(['users', 'roles', 'expression', 'listField']),
  value: Type.Union([
    Type.String({ minLength: 1, maxLength: 2000 }),
    Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 100 }),
  ]),
});
export type Approvers = Static<typeof ApproversSchema>;

/**
 * Document approval (согласование) as one block: approvers one after another or all at once, decided by
 * `all`, `any` or a `quorum`; each may approve, reject, return for revision (to the author, then the same stage
 * again) or delegate; the author never approves (four eyes); every decision is fixed to the document's content
 * hash. It leaves with the built-in variables `outcome` ('approved' | 'rejected' | 'returned') for its flows'
 * conditions and `outcomeComment` (the deciding approver's comment: why it was rejected or returned). A deadline reminds before it and escalates when passed.
 */
export const ApprovalTaskSchema = nodeSchema(
  'opora.approvalTask',
  Strict({
    approvers: ApproversSchema,
    mode: literals(['sequential', 'parallel']),
    rule: literals(['all', 'any', 'quorum']),
    quorum: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    allowReturn: Type.Optional(Type.Boolean()),
    dueInSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 * 86_400 })),
    remindBeforeSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 * 86_400 })),
    escalateTo: Type.Optional(
      Strict({ kind: literals(['role', 'user']), value: Type.String({ minLength: 1, maxLength: 200 }) }),
    ),
    fourEyes: Type.Literal(true),
  }),
);
export type ApprovalTaskNode = Static<typeof ApprovalTaskSchema>;

export const approvalTaskShape: NodeShape<ApprovalTaskNode> = {
  schema: ApprovalTaskSchema,
  category: 'activity',
  waits: true,
  reads: (node) =>
    node.config.approvers.kind === 'expression' && typeof node.config.approvers.value === 'string'
      ? [{ pointer: '/config/approvers/value', expression: node.config.approvers.value }]
      : [],
  problems(node) {
    const c = node.config;
    if (c.rule === 'quorum' && !c.quorum)
      return [{ pointer: '/config/quorum', code: 'required', ru: 'не задан кворум', en: 'no quorum set' }];
    if (c.remindBeforeSeconds && (!c.dueInSeconds || c.remindBeforeSeconds >= c.dueInSeconds))
      return [
        {
          pointer: '/config/remindBeforeSeconds',
          code: 'range',
          ru: 'напоминание должно быть раньше срока',
          en: 'the reminder must come before the deadline',
        },
      ];
    return [];
  },
};
