import type { ProcessBody, ProcessNode } from '@opora/runtime/definitions';
import type { NodeType } from '@opora/runtime/processes';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** BPMN's usual sizes (bpmn.io's): events 36, gateways 50, tasks 100×80, an expanded sub-process larger. */
export function defaultSize(type: NodeType): { width: number; height: number } {
  switch (type) {
    case 'bpmn.startEvent':
    case 'bpmn.endEvent':
    case 'bpmn.intermediateCatchEvent':
    case 'bpmn.intermediateThrowEvent':
    case 'bpmn.boundaryEvent':
      return { width: 36, height: 36 };
    case 'bpmn.exclusiveGateway':
    case 'bpmn.parallelGateway':
    case 'bpmn.inclusiveGateway':
    case 'bpmn.eventBasedGateway':
      return { width: 50, height: 50 };
    case 'bpmn.subProcess':
      return { width: 350, height: 200 };
    default:
      return { width: 100, height: 80 };
  }
}

const gap = { x: 80, y: 60 };
const origin = { x: 100, y: 100 };
const slotHeight = 80;

/**
 * Where each node stands: its DI bounds when it has them (the size defaulting to its type's), else laid out in
 * columns by how many flows away from a start it is, in a band below the placed nodes — so a file without DI
 * (or a node added by hand to the JSON) still shows, and placed nodes never move.
 */
export function layoutProcess(body: Pick<ProcessBody, 'nodes' | 'flows'>): Map<string, Box> {
  const boxes = new Map<string, Box>();
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of body.nodes) {
    if (!node.position || boxes.has(node.id)) continue;
    const size = defaultSize(node.type);
    const box = {
      x: node.position.x,
      y: node.position.y,
      width: node.position.width || size.width,
      height: node.position.height || size.height,
    };
    boxes.set(node.id, box);
    bottom = Math.max(bottom, box.y + box.height);
  }
  const loose = body.nodes.filter((n) => !boxes.has(n.id));
  if (!loose.length) return boxes;
  const top = Number.isFinite(bottom) ? bottom + gap.y : origin.y;
  const columns = columnsOf(loose, body.flows);
  let x = origin.x;
  for (const column of columns) {
    const width = Math.max(...column.map((n) => defaultSize(n.type).width));
    let y = top;
    for (const node of column) {
      // Centred in a slot a task's height tall, so a row of event, task and gateway shares one middle line.
      const size = defaultSize(node.type);
      const slot = Math.max(slotHeight, size.height);
      boxes.set(node.id, { x: x + (width - size.width) / 2, y: y + (slot - size.height) / 2, ...size });
      y += slot + gap.y;
    }
    x += width + gap.x;
  }
  return boxes;
}

/** The nodes in columns by their distance (in flows among themselves) from a start, or from nothing entering. */
function columnsOf(nodes: ProcessNode[], flows: ProcessBody['flows']): ProcessNode[][] {
  const ids = new Set(nodes.map((n) => n.id));
  const next = new Map<string, string[]>();
  const entered = new Set<string>();
  for (const f of flows)
    if (ids.has(f.source) && ids.has(f.target)) {
      next.set(f.source, [...(next.get(f.source) ?? []), f.target]);
      entered.add(f.target);
    }
  const depth = new Map<string, number>();
  const queue = nodes.filter((n) => !entered.has(n.id)).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  while (queue.length) {
    const id = queue.shift() as string;
    for (const to of next.get(id) ?? [])
      if (!depth.has(to)) {
        depth.set(to, (depth.get(id) ?? 0) + 1);
        queue.push(to);
      }
  }
  const columns: ProcessNode[][] = [];
  for (const node of nodes) {
    const d = depth.get(node.id) ?? 0;
    const column = columns[d] ?? [];
    column.push(node);
    columns[d] = column;
  }
  return columns.filter(Boolean);
}

/** The bounds of everything, for fitting the view. */
export function extentOf(boxes: ReadonlyMap<string, Box>): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const b of boxes.values()) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  if (!Number.isFinite(minX)) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
