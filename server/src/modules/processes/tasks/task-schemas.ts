import { definitionKeyPattern } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import { Uuid } from '../../../http/schemas.js';

const Person = Type.Object({ id: Type.String(), name: Type.String() });
const Str = Type.String();
const Opt = Type.Optional;

export const TaskSchema = Type.Object({
  id: Str,
  instanceId: Str,
  processKey: Str,
  processName: Str,
  nodeId: Str,
  kind: Type.Union([Type.Literal('user'), Type.Literal('approval'), Type.Literal('revision')]),
  title: Str,
  assignee: Type.Object({ kind: Str, value: Str }),
  claimedBy: Opt(Person),
  status: Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('cancelled')]),
  createdAt: Str,
  dueAt: Opt(Str),
  overdue: Type.Boolean(),
  record: Opt(Type.Object({ entity: Str, id: Str, title: Opt(Str) })),
  form: Opt(Str),
  outcomes: Type.Array(Str),
  canDelegate: Type.Boolean(),
  bulkApprove: Type.Boolean(),
  documentHash: Opt(Str),
  completedAt: Opt(Str),
  completedBy: Opt(Person),
  outcome: Opt(Str),
  comment: Opt(Str),
});

export const ApprovalSheetRowSchema = Type.Object({
  instanceId: Str,
  processKey: Str,
  nodeId: Str,
  nodeName: Str,
  round: Type.Integer(),
  actor: Person,
  outcome: Str,
  at: Str,
  hash: Opt(Str),
  comment: Opt(Str),
  delegateTo: Opt(Person),
});

export const TaskDetailSchema = Type.Intersect([
  TaskSchema,
  Type.Object({
    variables: Type.Record(Type.String(), Type.Unknown()),
    decisions: Type.Array(ApprovalSheetRowSchema),
  }),
]);

export const TaskListQuery = Type.Object(
  {
    scope: Opt(Type.Union([Type.Literal('mine'), Type.Literal('team')])),
    status: Opt(Type.Union([Type.Literal('open'), Type.Literal('done')])),
    overdue: Opt(Type.Union([Type.Literal('1'), Type.Literal('0')])),
    process: Opt(Type.String({ pattern: definitionKeyPattern })),
    q: Opt(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Opt(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    after: Opt(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);

const Count = Type.Integer({ minimum: 0 });
export const TaskListSchema = Type.Object({
  items: Type.Array(TaskSchema),
  nextCursor: Opt(Str),
  counts: Type.Object({ open: Count, overdue: Count, dueToday: Count }),
});

const Comment = Type.String({ maxLength: 4000 });
const Hash = Type.String({ minLength: 1, maxLength: 128 });

export const CompleteBody = Type.Object(
  {
    outcome: Opt(Type.String({ minLength: 1, maxLength: 100 })),
    variables: Opt(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 })),
    comment: Opt(Comment),
    seenHash: Opt(Hash),
  },
  { additionalProperties: false },
);

export const DelegateBody = Type.Object({ to: Uuid, comment: Opt(Comment) }, { additionalProperties: false });

export const BulkCompleteBody = Type.Object(
  {
    ids: Type.Array(Uuid, { minItems: 1, maxItems: 100 }),
    outcome: Type.Literal('approve'),
    comment: Opt(Comment),
  },
  { additionalProperties: false },
);

export const BulkResultSchema = Type.Object({
  done: Type.Array(Str),
  failed: Type.Array(Type.Object({ id: Str, code: Str, message: Str })),
});

export const RecordParams = Type.Object(
  {
    entity: Type.String({ pattern: definitionKeyPattern }),
    id: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
