import type { ProcessBody, ProcessFlow } from '@opora/runtime/definitions';
import type { Box } from './process-layout';
import { findFlow, findNode, replaceFlow } from './process-ops';

/**
 * A flow's bend points. `waypoints` is BPMN DI's whole line, ends included (so export writes it as is); the
 * canvas starts a flow at its source's right handle and ends it at its target's left one, so the points between
 * the ends are the bends the analyst drags, adds (double-click on the flow) and removes (double-click on one).
 */

export interface Point {
  x: number;
  y: number;
}

export const bendsOf = (flow: Pick<ProcessFlow, 'waypoints'>): Point[] =>
  flow.waypoints && flow.waypoints.length > 2 ? flow.waypoints.slice(1, -1) : [];

const round = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });

/** Where the canvas starts and ends a flow: the source's right middle, the target's left middle. */
function endsOf(flow: ProcessFlow, layout: ReadonlyMap<string, Box>): [Point, Point] | undefined {
  const from = layout.get(flow.source);
  const to = layout.get(flow.target);
  if (!from || !to) return undefined;
  return [
    round({ x: from.x + from.width, y: from.y + from.height / 2 }),
    round({ x: to.x, y: to.y + to.height / 2 }),
  ];
}

/** Sets a flow's bends (its ends from where its nodes stand now); no bends at all drops `waypoints`. */
export function setBends(
  body: ProcessBody,
  flowId: string,
  bends: readonly Point[],
  layout: ReadonlyMap<string, Box>,
): ProcessBody {
  const flow = findFlow(body, flowId);
  if (!flow) return body;
  const { waypoints: _, ...rest } = flow;
  if (!bends.length) return flow.waypoints ? replaceFlow(body, flowId, rest) : body;
  const ends = endsOf(flow, layout);
  if (!ends) return body;
  return replaceFlow(body, flowId, { ...rest, waypoints: [ends[0], ...bends.map(round), ends[1]] });
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** A new bend at `at`, put into the line between the two points of the segment nearest to it. */
export function addBend(
  body: ProcessBody,
  flowId: string,
  at: Point,
  layout: ReadonlyMap<string, Box>,
): ProcessBody {
  const flow = findFlow(body, flowId);
  const ends = flow && endsOf(flow, layout);
  if (!flow || !ends) return body;
  const bends = bendsOf(flow);
  const line = [ends[0], ...bends, ends[1]];
  let nearest = 0;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < line.length - 1; i++) {
    const d = distanceToSegment(at, line[i] as Point, line[i + 1] as Point);
    if (d < best) {
      best = d;
      nearest = i;
    }
  }
  return setBends(body, flowId, [...bends.slice(0, nearest), at, ...bends.slice(nearest)], layout);
}

export function moveBend(
  body: ProcessBody,
  flowId: string,
  index: number,
  to: Point,
  layout: ReadonlyMap<string, Box>,
): ProcessBody {
  const flow = findFlow(body, flowId);
  const bends = flow ? bendsOf(flow) : [];
  if (index < 0 || index >= bends.length) return body;
  const at = round(to);
  if (bends[index]?.x === at.x && bends[index]?.y === at.y) return body;
  return setBends(
    body,
    flowId,
    bends.map((b, i) => (i === index ? at : b)),
    layout,
  );
}

export function removeBend(
  body: ProcessBody,
  flowId: string,
  index: number,
  layout: ReadonlyMap<string, Box>,
): ProcessBody {
  const flow = findFlow(body, flowId);
  const bends = flow ? bendsOf(flow) : [];
  if (index < 0 || index >= bends.length) return body;
  return setBends(
    body,
    flowId,
    bends.filter((_, i) => i !== index),
    layout,
  );
}

/**
 * After nodes moved (`before` → `after`): a flow whose two ends moved by the same distance takes its waypoints
 * along, so a moved group or lane keeps its lines' shape.
 */
export function carryBends(before: ProcessBody, after: ProcessBody): ProcessBody {
  if (before === after) return after;
  const shift = (id: string): Point | undefined => {
    const a = findNode(before, id)?.position;
    const b = findNode(after, id)?.position;
    return a && b ? { x: b.x - a.x, y: b.y - a.y } : undefined;
  };
  let changed = false;
  const flows = after.flows.map((f) => {
    if (!f.waypoints?.length) return f;
    const s = shift(f.source);
    const t = shift(f.target);
    if (!s || !t || s.x !== t.x || s.y !== t.y || (!s.x && !s.y)) return f;
    changed = true;
    return { ...f, waypoints: f.waypoints.map((p) => ({ x: p.x + s.x, y: p.y + s.y })) };
  });
  return changed ? { ...after, flows } : after;
}
