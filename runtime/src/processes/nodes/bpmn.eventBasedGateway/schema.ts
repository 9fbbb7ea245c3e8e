import type { Static } from '@sinclair/typebox';
import { Strict } from '../../../definitions/common-schemas.js';
import { type NodeShape, nodeSchema } from '../../node-shape.js';

/** Waits for the first of the events its flows lead to (timers, messages); the others are cancelled. */
export const EventBasedGatewaySchema = nodeSchema('bpmn.eventBasedGateway', Strict({}));
export type EventBasedGatewayNode = Static<typeof EventBasedGatewaySchema>;

export const eventBasedGatewayShape: NodeShape<EventBasedGatewayNode> = {
  schema: EventBasedGatewaySchema,
  category: 'gateway',
  waits: true,
  reads: () => [],
};
