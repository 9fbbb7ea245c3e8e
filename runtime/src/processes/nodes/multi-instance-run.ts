import type { Value } from '../../forms/expressions/index.js';
import type { Token } from '../instance.js';
import type { NodeOutcome } from '../node-spec.js';
import { evaluateFor, type Walk } from '../walk.js';
import type { MultiInstance } from './multi-instance.js';

/** Most runs one multi-instance activity may start (a runaway list would flood the inbox). */
export const maxMultiInstanceRuns = 1000;

/**
 * For a multi-instance activity's own token: evaluates the collection and waits for its runs (the engine starts
 * them); null for a run itself or an activity without `multiInstance`, which then runs its body.
 */
export function multiInstanceStart(
  walk: Walk,
  token: Token,
  mi: MultiInstance | undefined,
): NodeOutcome | null {
  if (!mi || token.inner) return null;
  const items = evaluateFor(walk, token, mi.collection);
  if (!Array.isArray(items))
    return { incident: `the multi-instance collection "${mi.collection}" is not a list` };
  if (items.length > maxMultiInstanceRuns)
    return {
      incident: `the multi-instance collection has ${items.length} items, more than ${maxMultiInstanceRuns}`,
    };
  if (!items.length) return { leave: true, outcome: 'empty' };
  return {
    wait: {
      kind: 'multi',
      items: items as Value[],
      started: 0,
      completed: 0,
      sequential: mi.mode === 'sequential',
    },
  };
}
