import type { ProcessFlow } from '@opora/runtime/definitions';
import type { InstanceView } from '../process-api';

export interface InstanceTrace {
  /** Nodes a token stands at now. */
  tokens: Set<string>;
  /** Nodes the instance went through (or stands at). */
  visited: Set<string>;
  /** Flows the path took: the source was left no later than the target was entered. */
  flows: Set<string>;
}

/** Where an instance's tokens are and the path it took, as the canvas marks them. */
export function instanceTrace(
  instance: Pick<InstanceView, 'tokens' | 'history'>,
  flows: readonly ProcessFlow[],
): InstanceTrace {
  const tokens = new Set(instance.tokens.map((t) => t.nodeId));
  const visited = new Set([...instance.history.map((h) => h.nodeId), ...tokens]);
  const leftAt = new Map<string, number>();
  const enteredAt = new Map<string, number>();
  for (const h of instance.history) {
    const entered = Date.parse(h.enteredAt);
    if (Number.isFinite(entered))
      enteredAt.set(h.nodeId, Math.max(enteredAt.get(h.nodeId) ?? entered, entered));
    const left = h.leftAt ? Date.parse(h.leftAt) : Number.NaN;
    if (Number.isFinite(left)) leftAt.set(h.nodeId, Math.min(leftAt.get(h.nodeId) ?? left, left));
  }
  const taken = new Set<string>();
  for (const f of flows) {
    const left = leftAt.get(f.source);
    const entered = enteredAt.get(f.target);
    if (left !== undefined && entered !== undefined && left <= entered) taken.add(f.id);
  }
  return { tokens, visited, flows: taken };
}

/** A step's time in the side list: the date once, then hours and minutes. */
export function stepTime(iso: string | undefined, locale: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return at.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });
}
