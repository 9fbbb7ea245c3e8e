import { type Static, Type } from '@sinclair/typebox';
import { literals, Strict } from '../../definitions/common-schemas.js';
import { ExpressionSource, VariableName } from '../node-shape.js';

/**
 * Runs an activity once per item of `collection` (an expression giving a list), in parallel or one after another;
 * each run sees its item as `element`. `completionCondition` (over `nrOfInstances`, `nrOfCompletedInstances`,
 * `nrOfActiveInstances`) ends it early, cancelling the runs still open.
 */
export const MultiInstanceSchema = Strict({
  mode: literals(['parallel', 'sequential']),
  collection: ExpressionSource,
  element: VariableName,
  completionCondition: Type.Optional(ExpressionSource),
});
export type MultiInstance = Static<typeof MultiInstanceSchema>;

export const multiInstanceReads = (mi: MultiInstance | undefined) =>
  mi
    ? [
        { pointer: '/config/multiInstance/collection', expression: mi.collection },
        ...(mi.completionCondition
          ? [{ pointer: '/config/multiInstance/completionCondition', expression: mi.completionCondition }]
          : []),
      ]
    : [];
