import type { NodeSpec } from '../../node-spec.js';
import { newToken, send } from '../../walk.js';
import { multiInstanceStart } from '../multi-instance-run.js';
import { type SubProcessNode, subProcessShape } from './schema.js';

/** Starts a token at its start event, in its own scope; the engine leaves it when that scope's last token ends. */
export const subProcessNode: NodeSpec<SubProcessNode> = {
  ...subProcessShape,
  run({ node, token, walk }) {
    const multi = multiInstanceStart(walk, token, node.config.multiInstance);
    if (multi) return multi;
    const start = walk.process.starts.get(node.id)?.[0];
    if (!start) return { incident: `sub-process "${node.id}" has no start event` };
    send(walk, newToken(walk, start.id, token.id), start.id);
    return { wait: { kind: 'scope' } };
  },
};
