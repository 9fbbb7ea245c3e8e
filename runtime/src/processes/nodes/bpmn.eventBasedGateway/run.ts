import type { Wait } from '../../instance.js';
import type { NodeSpec } from '../../node-spec.js';
import { evaluateFor, timerKey } from '../../walk.js';
import { timerAt } from '../bpmn.intermediateCatchEvent/timer-at.js';
import { type EventBasedGatewayNode, eventBasedGatewayShape } from './schema.js';

/** Waits for all the events its flows lead to; the engine passes the token to the first that happens. */
export const eventBasedGatewayNode: NodeSpec<EventBasedGatewayNode> = {
  ...eventBasedGatewayShape,
  run({ node, token, walk }) {
    const wait: Extract<Wait, { kind: 'events' }> = { kind: 'events', timers: [], messages: [] };
    for (const flow of walk.process.outgoing.get(node.id) ?? []) {
      const target = walk.process.node(flow.target);
      if (target?.type !== 'bpmn.intermediateCatchEvent') continue;
      if (target.config.kind === 'timer') {
        const key = timerKey(walk, token, target.id);
        walk.effects.push({ type: 'scheduleTimer', key, ...timerAt(walk, target.config) });
        wait.timers.push({ key, nodeId: target.id });
      } else
        wait.messages.push({
          name: target.config.message ?? '',
          nodeId: target.id,
          ...(target.config.correlationKey
            ? { correlation: evaluateFor(walk, token, target.config.correlationKey) }
            : {}),
        });
    }
    return { wait };
  },
};
