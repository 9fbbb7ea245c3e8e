import type { ProcessBody } from '@opora/runtime/definitions';
import { findLane, laneIdOf, removeLane } from './lane-ops';
import { findFlow, findNode, flowIdOf, removeElements } from './process-ops';
import { selectionIds, selectionOf } from './selection';

/** Whether one canvas id (a node id, `flow:<id>` or `lane:<id>`) still names something in the body. */
export function selectionExists(body: ProcessBody, id: string): boolean {
  const flow = flowIdOf(id);
  if (flow !== null) return !!findFlow(body, flow);
  const lane = laneIdOf(id);
  return lane !== null ? !!findLane(body, lane) : !!findNode(body, id);
}

/** What of a selection still exists (after undo, redo or a reload): the rest, or null. */
export const keepSelection = (body: ProcessBody, selection: string | null): string | null =>
  selectionOf(selectionIds(selection).filter((id) => selectionExists(body, id)));

/** The selection split by kind. */
export function selectionParts(selection: string | null) {
  const ids = selectionIds(selection);
  const flows = ids.flatMap((id) => flowIdOf(id) ?? []);
  const lanes = ids.flatMap((id) => laneIdOf(id) ?? []);
  const nodes = ids.filter((id) => flowIdOf(id) === null && laneIdOf(id) === null);
  return { ids, nodes, flows, lanes };
}

/** Deletes everything selected in one edit: nodes (with their flows), flows, and lanes (their nodes stay). */
export function removeSelection(body: ProcessBody, selection: string | null): ProcessBody {
  const { nodes, flows, lanes } = selectionParts(selection);
  let next = removeElements(body, nodes, flows);
  for (const lane of lanes) next = removeLane(next, lane);
  return next;
}
