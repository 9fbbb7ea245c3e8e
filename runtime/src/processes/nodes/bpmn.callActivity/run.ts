import type { NodeSpec } from '../../node-spec.js';
import { evaluateMap, nextId, setVariables } from '../../walk.js';
import { multiInstanceStart } from '../multi-instance-run.js';
import { type CallActivityNode, callActivityShape } from './schema.js';

/** Asks the server to start the called process and waits for its end; its final variables come back. */
export const callActivityNode: NodeSpec<CallActivityNode> = {
  ...callActivityShape,
  run({ node, token, walk }) {
    const multi = multiInstanceStart(walk, token, node.config.multiInstance);
    if (multi) return multi;
    const requestId = nextId(walk, 'req-');
    walk.effects.push({
      type: 'startProcess',
      requestId,
      process: node.config.process,
      variables: evaluateMap(walk, token, node.config.variables),
    });
    return { wait: { kind: 'result', requestId } };
  },
  resume({ walk }, event) {
    if (event.type !== 'effectResult') return { refuse: 'the call activity waits for the called process' };
    if (!event.ok)
      return { fail: event.error?.message ?? 'the called process failed', code: event.error?.code };
    if (event.value && typeof event.value === 'object' && !Array.isArray(event.value))
      setVariables(walk, event.value as Record<string, never>);
    return { leave: true };
  },
};
