import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, literals, Strict } from '../../../definitions/common-schemas.js';
import {
  ExpressionMap,
  ExpressionSource,
  expressionMapReads,
  type NodeProblem,
  type NodeShape,
  nodeSchema,
  TemplateText,
  VariableName,
} from '../../node-shape.js';

export const serviceActions = [
  'script',
  'integration',
  'createRecord',
  'updateRecord',
  'setStatus',
  'clientMessage',
  'notifyStaff',
] as const;
export type ServiceAction = (typeof serviceActions)[number];

/**
 * An automatic step the server carries out, the engine waiting for its result: run a `script` or an
 * `integration` operation with `input` (expressions), create or update a record of `entity` with `values`
 * (expressions; `recordId` an expression), set a record's `status`, send the client a `text` through their
 * channel, or notify staff (`to`). The result goes to `output`; a failure leaves by an error boundary event.
 */
export const ServiceTaskSchema = nodeSchema(
  'bpmn.serviceTask',
  Strict({
    action: literals(serviceActions),
    script: Type.Optional(DefinitionKey),
    integration: Type.Optional(DefinitionKey),
    operation: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    input: Type.Optional(ExpressionMap),
    entity: Type.Optional(DefinitionKey),
    recordId: Type.Optional(ExpressionSource),
    values: Type.Optional(ExpressionMap),
    status: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    text: Type.Optional(TemplateText),
    to: Type.Optional(
      Strict({
        kind: literals(['user', 'role', 'line', 'expression']),
        value: Type.String({ minLength: 1, maxLength: 2000 }),
      }),
    ),
    output: Type.Optional(VariableName),
  }),
);
export type ServiceTaskNode = Static<typeof ServiceTaskSchema>;

/** The config fields each action needs. */
const required: Record<ServiceAction, (keyof ServiceTaskNode['config'])[]> = {
  script: ['script'],
  integration: ['integration', 'operation'],
  createRecord: ['entity'],
  updateRecord: ['entity', 'recordId'],
  setStatus: ['status'],
  clientMessage: ['text'],
  notifyStaff: ['to', 'text'],
};

export const serviceTaskShape: NodeShape<ServiceTaskNode> = {
  schema: ServiceTaskSchema,
  category: 'activity',
  waits: true,
  reads: (node) => [
    ...expressionMapReads('/config/input', node.config.input),
    ...expressionMapReads('/config/values', node.config.values),
    ...(node.config.recordId ? [{ pointer: '/config/recordId', expression: node.config.recordId }] : []),
    ...(node.config.to?.kind === 'expression'
      ? [{ pointer: '/config/to/value', expression: node.config.to.value }]
      : []),
  ],
  problems: (node) =>
    required[node.config.action]
      .filter((field) => node.config[field] === undefined)
      .map(
        (field): NodeProblem => ({
          pointer: `/config/${field}`,
          code: 'required',
          ru: `для действия «${node.config.action}» нужно поле ${field}`,
          en: `action "${node.config.action}" needs ${field}`,
        }),
      ),
};
