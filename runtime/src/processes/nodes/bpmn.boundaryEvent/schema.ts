import { type Static, Type } from '@sinclair/typebox';
import { ElementId, literals, Strict } from '../../../definitions/common-schemas.js';
import { type NodeShape, nodeSchema } from '../../node-shape.js';

/**
 * An event on the border of the activity `attachedTo`: a `timer` after `durationSeconds` of the activity, or an
 * `error` (`errorCode`, any when absent) the activity raises. An interrupting one ends the activity (its task is
 * cancelled) and leaves from here; a non-interrupting timer leaves a new token and keeps the activity open.
 */
export const BoundaryEventSchema = nodeSchema(
  'bpmn.boundaryEvent',
  Strict({
    attachedTo: ElementId,
    kind: literals(['timer', 'error']),
    interrupting: Type.Boolean(),
    durationSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 * 86_400 })),
    errorCode: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  }),
);
export type BoundaryEventNode = Static<typeof BoundaryEventSchema>;

export const boundaryEventShape: NodeShape<BoundaryEventNode> = {
  schema: BoundaryEventSchema,
  category: 'event',
  waits: false,
  reads: () => [],
  problems: (node) => {
    if (node.config.kind === 'timer' && node.config.durationSeconds === undefined)
      return [
        {
          pointer: '/config/durationSeconds',
          code: 'timer',
          ru: 'у таймера нет длительности',
          en: 'the timer has no duration',
        },
      ];
    if (node.config.kind === 'error' && !node.config.interrupting)
      return [
        {
          pointer: '/config/interrupting',
          code: 'error_boundary',
          ru: 'ошибка всегда прерывает действие',
          en: 'an error always interrupts the activity',
        },
      ];
    return [];
  },
};
