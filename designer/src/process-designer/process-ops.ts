import type { ProcessBody, ProcessFlow, ProcessNode } from '@opora/runtime/definitions';

/**
 * Pure edits of a process body. Each returns a new body (or the same one when nothing changes), so the store
 * records the difference as one undo step. Canvas ids: a node's id, or `flow:<id>` for a sequence flow (element
 * ids never hold a colon, so the two cannot meet).
 */

export const flowPrefix = 'flow:';
export const flowSelection = (id: string) => `${flowPrefix}${id}`;
export const flowIdOf = (selection: string): string | null =>
  selection.startsWith(flowPrefix) ? selection.slice(flowPrefix.length) : null;

export const findNode = (body: ProcessBody, id: string): ProcessNode | undefined =>
  body.nodes.find((n) => n.id === id);
export const findFlow = (body: ProcessBody, id: string): ProcessFlow | undefined =>
  body.flows.find((f) => f.id === id);

/** `base`, or `base_2`, `base_3` … — the first id no node, flow, lane or kept element has. */
export function freshId(body: ProcessBody, base: string): string {
  const used = new Set<string>([
    ...body.nodes.map((n) => n.id),
    ...body.flows.map((f) => f.id),
    ...(body.lanes ?? []).map((l) => l.id),
    ...(body.kept ?? []).map((k) => k.id),
  ]);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

export const addNode = (body: ProcessBody, node: ProcessNode): ProcessBody => ({
  ...body,
  nodes: [...body.nodes, node],
});

export function replaceNode(body: ProcessBody, id: string, next: ProcessNode): ProcessBody {
  const index = body.nodes.findIndex((n) => n.id === id);
  if (index < 0) return body;
  const nodes = [...body.nodes];
  nodes[index] = next;
  return { ...body, nodes };
}

export function replaceFlow(body: ProcessBody, id: string, next: ProcessFlow): ProcessBody {
  const index = body.flows.findIndex((f) => f.id === id);
  if (index < 0) return body;
  const flows = [...body.flows];
  flows[index] = next;
  return { ...body, flows };
}

/**
 * A new sequence flow from `source` to `target`. Refused (same body) when either is missing, when it would loop a
 * node onto itself, or when the same connection exists already.
 */
export function connect(body: ProcessBody, source: string, target: string): ProcessBody {
  if (source === target || !findNode(body, source) || !findNode(body, target)) return body;
  if (body.flows.some((f) => f.source === source && f.target === target)) return body;
  const flow: ProcessFlow = { id: freshId(body, `flow_${source}_${target}`.slice(0, 60)), source, target };
  return { ...body, flows: [...body.flows, flow] };
}

/** The flows entering or leaving any of `ids` (what deleting those nodes also deletes). */
export const flowsTouching = (body: ProcessBody, ids: readonly string[]): ProcessFlow[] =>
  body.flows.filter((f) => ids.includes(f.source) || ids.includes(f.target));

/**
 * Removes nodes with their flows, the children of removed sub-processes and the boundary events of removed
 * activities (they cannot stand alone), and the flows listed in `flowIds`.
 */
export function removeElements(
  body: ProcessBody,
  nodeIds: readonly string[],
  flowIds: readonly string[] = [],
) {
  const gone = new Set(nodeIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of body.nodes) {
      if (gone.has(n.id)) continue;
      const attached = n.type === 'bpmn.boundaryEvent' && gone.has(n.config.attachedTo);
      if (attached || (n.parent !== undefined && gone.has(n.parent))) {
        gone.add(n.id);
        grew = true;
      }
    }
  }
  const cut = new Set(flowIds);
  const nodes = body.nodes.filter((n) => !gone.has(n.id));
  const flows = body.flows.filter((f) => !cut.has(f.id) && !gone.has(f.source) && !gone.has(f.target));
  if (nodes.length === body.nodes.length && flows.length === body.flows.length) return body;
  return { ...body, nodes, flows };
}

/**
 * The nodes with everything that rides on them, however deep: the boundary events of their activities and the
 * children of their sub-processes (a node moved or a lane dragged takes them along).
 */
export function withRiders(body: ProcessBody, ids: Iterable<string>): Set<string> {
  const carried = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of body.nodes) {
      if (carried.has(n.id)) continue;
      const host = n.type === 'bpmn.boundaryEvent' ? n.config.attachedTo : n.parent;
      if (host !== undefined && carried.has(host)) {
        carried.add(n.id);
        grew = true;
      }
    }
  }
  return carried;
}

/**
 * Saves where nodes stand (DI bounds, rounded: positions are for people). A node keeps its width and height; a
 * moved sub-process takes its children and a moved activity its boundary events along.
 */
export const moveNode = (body: ProcessBody, id: string, to: { x: number; y: number }): ProcessBody =>
  moveNodes(body, new Map([[id, to]]));

/** Moves several nodes at once (a dragged selection), each to its own place, carrying what `moveNode` carries. */
export function moveNodes(
  body: ProcessBody,
  moves: ReadonlyMap<string, { x: number; y: number }>,
): ProcessBody {
  const places = new Map<string, { x: number; y: number }>();
  for (const [id, to] of moves) {
    const node = findNode(body, id);
    if (!node) continue;
    places.set(id, to);
    if (!node.position) continue;
    const dx = Math.round(to.x) - node.position.x;
    const dy = Math.round(to.y) - node.position.y;
    if (!dx && !dy) continue;
    const carried = withRiders(body, [id]);
    for (const n of body.nodes)
      if (n.id !== id && !moves.has(n.id) && carried.has(n.id) && n.position)
        places.set(n.id, { x: n.position.x + dx, y: n.position.y + dy });
  }
  return placeNodes(body, places);
}

/** Sets nodes' positions, keeping each node's size; the same body when nothing moved. */
export function placeNodes(
  body: ProcessBody,
  places: ReadonlyMap<string, { x: number; y: number; width?: number; height?: number }>,
): ProcessBody {
  let changed = false;
  const nodes = body.nodes.map((n) => {
    const at = places.get(n.id);
    if (!at) return n;
    const x = Math.round(at.x);
    const y = Math.round(at.y);
    if (n.position?.x === x && n.position?.y === y) return n;
    changed = true;
    const width = n.position?.width ?? at.width;
    const height = n.position?.height ?? at.height;
    return {
      ...n,
      position: {
        x,
        y,
        ...(width !== undefined ? { width } : {}),
        ...(height !== undefined ? { height } : {}),
      },
    } as ProcessNode;
  });
  return changed ? { ...body, nodes } : body;
}

/** Makes `flowId` its source's only default flow (or no default at all when `on` is false). */
export function setDefaultFlow(body: ProcessBody, flowId: string, on: boolean): ProcessBody {
  const flow = findFlow(body, flowId);
  if (!flow) return body;
  const flows = body.flows.map((f) => {
    if (f.id === flowId) {
      const { isDefault: _, ...rest } = f;
      return on ? { ...rest, isDefault: true } : rest;
    }
    if (on && f.source === flow.source && f.isDefault) {
      const { isDefault: _, ...rest } = f;
      return rest;
    }
    return f;
  });
  return { ...body, flows };
}

/** Puts a node into a sub-process (or back to the top level when `parent` is undefined). */
export function setParent(body: ProcessBody, id: string, parent: string | undefined): ProcessBody {
  const node = findNode(body, id);
  if (!node || node.parent === parent || parent === id || node.type === 'bpmn.boundaryEvent') return body;
  const { parent: _, ...rest } = node;
  return replaceNode(body, id, (parent ? { ...rest, parent } : rest) as ProcessNode);
}
