import { type Static, Type } from '@sinclair/typebox';
import { literals, Strict } from '../../../definitions/common-schemas.js';
import { ExpressionSource, type NodeProblem, type NodeShape, nodeSchema } from '../../node-shape.js';

/**
 * A token waits here for a `timer` (`durationSeconds` from arrival, a `timeDate`, or the next `cron` slot — the
 * server computes cron and passes no duration) or a `message` named `message`, matched by `correlationKey`
 * (an expression evaluated on arrival).
 */
export const IntermediateCatchEventSchema = nodeSchema(
  'bpmn.intermediateCatchEvent',
  Strict({
    kind: literals(['timer', 'message']),
    durationSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 * 86_400 })),
    timeDate: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    cron: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    correlationKey: Type.Optional(ExpressionSource),
  }),
);
export type IntermediateCatchEventNode = Static<typeof IntermediateCatchEventSchema>;

/** A timer needs when; a message needs a name. */
export function catchProblems(config: {
  kind: string;
  durationSeconds?: number;
  timeDate?: string;
  cron?: string;
  message?: string;
}): NodeProblem[] {
  if (config.kind === 'timer' && config.durationSeconds === undefined && !config.timeDate && !config.cron)
    return [
      {
        pointer: '/config/durationSeconds',
        code: 'timer',
        ru: 'у таймера нет длительности',
        en: 'the timer has no duration',
      },
    ];
  if (config.kind === 'message' && !config.message)
    return [
      { pointer: '/config/message', code: 'required', ru: 'не указано сообщение', en: 'no message named' },
    ];
  return [];
}

export const intermediateCatchEventShape: NodeShape<IntermediateCatchEventNode> = {
  schema: IntermediateCatchEventSchema,
  category: 'event',
  waits: true,
  reads: (node) =>
    node.config.correlationKey
      ? [{ pointer: '/config/correlationKey', expression: node.config.correlationKey }]
      : [],
  problems: (node) => catchProblems(node.config),
};
