import type { NodeSpec } from '../../node-spec.js';
import { evaluateFor, setVariables, timerKey } from '../../walk.js';
import { type IntermediateCatchEventNode, intermediateCatchEventShape } from './schema.js';
import { timerAt } from './timer-at.js';

/** Waits for its timer or its message (matched by name and correlation key), then goes on. */
export const intermediateCatchEventNode: NodeSpec<IntermediateCatchEventNode> = {
  ...intermediateCatchEventShape,
  run({ node, token, walk }) {
    if (node.config.kind === 'timer') {
      const key = timerKey(walk, token, node.id);
      walk.effects.push({ type: 'scheduleTimer', key, ...timerAt(walk, node.config) });
      return { wait: { kind: 'timer', key } };
    }
    return {
      wait: {
        kind: 'message',
        name: node.config.message ?? '',
        ...(node.config.correlationKey
          ? { correlation: evaluateFor(walk, token, node.config.correlationKey) }
          : {}),
      },
    };
  },
  resume({ walk }, event) {
    if (event.type === 'messageReceived') {
      setVariables(walk, event.variables);
      return { leave: true, outcome: 'message' };
    }
    return event.type === 'timerFired'
      ? { leave: true, outcome: 'timer' }
      : { refuse: 'the event waits for something else' };
  },
};
