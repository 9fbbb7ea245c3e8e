import type { ProcessBody } from '@opora/runtime/definitions';
import { flowSelection } from './process-ops';

export interface ProcessProblem {
  pointer: string;
  message: string;
  /** What the pointer falls in: a node id, `flow:<id>`, or null for the process as a whole. */
  target: string | null;
  source: 'local' | 'server';
}

/** The canvas element a JSON pointer into the body names: `/nodes/3/config/quorum` → that node's id. */
export function targetOfPointer(body: ProcessBody, pointer: string): string | null {
  const match = /^\/(nodes|flows)\/(\d+)(?:\/|$)/.exec(pointer);
  if (!match) return null;
  const index = Number(match[2]);
  if (match[1] === 'nodes') return body.nodes[index]?.id ?? null;
  const flow = body.flows[index];
  return flow ? flowSelection(flow.id) : null;
}

export function problemsByTarget(problems: readonly ProcessProblem[]): Map<string, ProcessProblem[]> {
  const map = new Map<string, ProcessProblem[]>();
  for (const p of problems) {
    if (p.target === null) continue;
    map.set(p.target, [...(map.get(p.target) ?? []), p]);
  }
  return map;
}
