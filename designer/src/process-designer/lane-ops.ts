import type { ProcessBody, ProcessNode } from '@opora/runtime/definitions';
import { type Box, extentOf, layoutProcess } from './process-layout';
import { placeNodes, withRiders } from './process-ops';
import { carryBends } from './waypoint-ops';

/**
 * Pure edits of a process's lanes (swimlanes). A node belongs to the lane its centre stands in: the designer sets
 * `lane` by geometry whenever a node or a lane moves, so what the analyst sees is what the file says. Canvas ids:
 * `lane:<id>`.
 */

export type ProcessLane = NonNullable<ProcessBody['lanes']>[number];

export const lanePrefix = 'lane:';
export const laneSelection = (id: string) => `${lanePrefix}${id}`;
export const laneIdOf = (selection: string): string | null =>
  selection.startsWith(lanePrefix) ? selection.slice(lanePrefix.length) : null;

/** The smallest a lane may be drawn: room for its title strip and one task. */
export const laneMinSize = { width: 240, height: 100 };
const laneDefaultSize = { width: 600, height: 200 };

export const findLane = (body: ProcessBody, id: string): ProcessLane | undefined =>
  (body.lanes ?? []).find((l) => l.id === id);

/** Where a lane is drawn; undefined for a lane without DI bounds (it is not drawn). */
export const laneBox = (lane: ProcessLane): Box | undefined =>
  lane.position
    ? {
        x: lane.position.x,
        y: lane.position.y,
        width: lane.position.width ?? laneDefaultSize.width,
        height: lane.position.height ?? laneDefaultSize.height,
      }
    : undefined;

const centreOf = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
const holds = (box: Box, p: { x: number; y: number }) =>
  p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;

/** The lane a point stands in: the smallest drawn lane whose box holds it (a file may nest lanes). */
export function laneAt(lanes: readonly ProcessLane[], point: { x: number; y: number }): string | undefined {
  let found: { id: string; area: number } | undefined;
  for (const lane of lanes) {
    const box = laneBox(lane);
    if (!box || !holds(box, point)) continue;
    const area = box.width * box.height;
    if (!found || area < found.area) found = { id: lane.id, area };
  }
  return found?.id;
}

/**
 * Sets each node's `lane` (all nodes, or those in `ids`) to the lane its centre stands in, clearing it off every
 * lane. A node of a lane that is not drawn keeps it: there is no geometry to tell otherwise.
 */
export function assignLanes(body: ProcessBody, ids?: readonly string[]): ProcessBody {
  const lanes = body.lanes ?? [];
  const undrawn = new Set(lanes.filter((l) => !l.position).map((l) => l.id));
  const layout = layoutProcess(body);
  let changed = false;
  const nodes = body.nodes.map((node) => {
    if ((ids && !ids.includes(node.id)) || (node.lane && undrawn.has(node.lane))) return node;
    const box = layout.get(node.id);
    if (!box) return node;
    const lane = laneAt(lanes, centreOf(box));
    if (lane === node.lane) return node;
    changed = true;
    const { lane: _, ...rest } = node;
    return (lane ? { ...rest, lane } : rest) as ProcessNode;
  });
  return changed ? { ...body, nodes } : body;
}

/** Where a new lane goes: under the lowest lane, as wide as it; the first one around the whole diagram. */
export function newLaneBox(body: ProcessBody, layout: ReadonlyMap<string, Box>): Box {
  const boxes = (body.lanes ?? []).flatMap((l) => laneBox(l) ?? []);
  const lowest = boxes.reduce<Box | undefined>(
    (a, b) => (!a || b.y + b.height > a.y + a.height ? b : a),
    undefined,
  );
  if (lowest) return { x: lowest.x, y: lowest.y + lowest.height, width: lowest.width, height: 200 };
  if (!layout.size) return { x: 40, y: 40, ...laneDefaultSize };
  const all = extentOf(layout);
  return {
    x: Math.round(all.x - 70),
    y: Math.round(all.y - 50),
    width: Math.round(Math.max(laneDefaultSize.width, all.width + 140)),
    height: Math.round(Math.max(laneDefaultSize.height, all.height + 100)),
  };
}

/** Adds a lane; the nodes standing in its box join it. */
export function addLane(body: ProcessBody, lane: ProcessLane): ProcessBody {
  return assignLanes({ ...body, lanes: [...(body.lanes ?? []), lane] });
}

function replaceLane(body: ProcessBody, id: string, next: ProcessLane): ProcessBody {
  const lanes = body.lanes ?? [];
  const index = lanes.findIndex((l) => l.id === id);
  if (index < 0) return body;
  const copy = [...lanes];
  copy[index] = next;
  return { ...body, lanes: copy };
}

export function renameLane(body: ProcessBody, id: string, name: string): ProcessBody {
  const lane = findLane(body, id);
  if (!lane) return body;
  const { name: _, ...rest } = lane;
  return replaceLane(body, id, name ? { ...rest, name } : rest);
}

/** New bounds for a lane (never under the minimum size); nodes join or leave it by where they stand now. */
export function resizeLane(body: ProcessBody, id: string, box: Box): ProcessBody {
  const lane = findLane(body, id);
  if (!lane) return body;
  const position = {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.round(Math.max(laneMinSize.width, box.width)),
    height: Math.round(Math.max(laneMinSize.height, box.height)),
  };
  const old = lane.position;
  if (
    old &&
    old.x === position.x &&
    old.y === position.y &&
    old.width === position.width &&
    old.height === position.height
  )
    return body;
  return assignLanes(replaceLane(body, id, { ...lane, position }));
}

/**
 * The nodes a lane carries when it moves: those in it (or, without a lane, standing in it), with the children of
 * its sub-processes and the boundary events of its activities.
 */
export function laneCarries(body: ProcessBody, id: string, layout: ReadonlyMap<string, Box>): string[] {
  const lane = findLane(body, id);
  const box = lane && laneBox(lane);
  if (!box) return [];
  const carried = withRiders(
    body,
    body.nodes
      .filter((n) => {
        if (n.lane !== undefined) return n.lane === id;
        const at = layout.get(n.id);
        return !!at && laneAt(body.lanes ?? [], centreOf(at)) === id;
      })
      .map((n) => n.id),
  );
  return [...carried];
}

/** Moves a lane's top-left corner to `to`, its nodes (and the bends of flows among them) along with it. */
export function moveLane(body: ProcessBody, id: string, to: { x: number; y: number }): ProcessBody {
  const lane = findLane(body, id);
  const box = lane && laneBox(lane);
  if (!lane || !box) return body;
  const dx = Math.round(to.x) - box.x;
  const dy = Math.round(to.y) - box.y;
  if (!dx && !dy) return body;
  const layout = layoutProcess(body);
  const places = new Map<string, Box>();
  for (const nodeId of laneCarries(body, id, layout)) {
    const at = layout.get(nodeId);
    if (at) places.set(nodeId, { ...at, x: at.x + dx, y: at.y + dy });
  }
  const moved = carryBends(body, placeNodes(body, places));
  const next = replaceLane(moved, id, { ...lane, position: { ...box, x: box.x + dx, y: box.y + dy } });
  return assignLanes(next);
}

/** Removes a lane; its nodes stay where they are, in no lane. */
export function removeLane(body: ProcessBody, id: string): ProcessBody {
  if (!findLane(body, id)) return body;
  const { lanes: _, ...rest } = body;
  const lanes = (body.lanes ?? []).filter((l) => l.id !== id);
  const nodes = body.nodes.map((n) => {
    if (n.lane !== id) return n;
    const { lane: __, ...node } = n;
    return node as ProcessNode;
  });
  return { ...rest, ...(lanes.length ? { lanes } : {}), nodes };
}
