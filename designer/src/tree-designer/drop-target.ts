import type { TreeBody } from '@opora/runtime/definitions';
import { cardLayout, type LayoutOptions, type Placement } from './tree-layout';
import { acceptsChildren, findNode, reachable } from './tree-ops';

/** What letting go of a dragged card would do, for the drop indicator and the move itself. */
export type DropIntent =
  /** Onto a question: the dragged node becomes its last choice. */
  | { kind: 'into'; target: string; parent: string; index: number }
  /** Beside a choice: the dragged node goes before or after it, under the same question. */
  | { kind: 'before' | 'after'; target: string; parent: string; index: number }
  /** Onto an answer: nothing happens, and the card says why. */
  | { kind: 'refused'; target: string };

/**
 * The drop under the dragged card's centre `point` (flow coordinates). Inside a card means "into it"; in the
 * row of cards but between them means "beside the nearer one", on the side the point is.
 */
export function dropIntent(
  body: TreeBody,
  layout: ReadonlyMap<string, Placement>,
  dragged: string,
  point: { x: number; y: number },
  size: LayoutOptions = cardLayout,
): DropIntent | null {
  if (dragged === body.root) return null;
  const own = reachable(body, dragged);
  let nearest: { id: string; at: Placement; distance: number } | null = null;
  for (const [id, at] of layout) {
    // The dragged card's own subtree travels with it: its old places are empty space.
    if (own.has(id)) continue;
    const insideY = point.y >= at.y && point.y <= at.y + size.height;
    if (!insideY) continue;
    if (point.x >= at.x && point.x <= at.x + size.width) {
      if (!acceptsChildren(findNode(body, id))) return { kind: 'refused', target: id };
      const children = (findNode(body, id)?.children ?? []).filter((c) => c !== dragged);
      return { kind: 'into', target: id, parent: id, index: children.length };
    }
    const distance = Math.min(Math.abs(point.x - at.x), Math.abs(point.x - at.x - size.width));
    if (at.parent && distance <= size.width / 2 && (!nearest || distance < nearest.distance))
      nearest = { id, at, distance };
  }
  if (!nearest?.at.parent) return null;
  const parent = nearest.at.parent;
  const siblings = (findNode(body, parent)?.children ?? []).filter((c) => c !== dragged);
  const before = point.x < nearest.at.x + size.width / 2;
  const index = siblings.indexOf(nearest.id) + (before ? 0 : 1);
  return { kind: before ? 'before' : 'after', target: nearest.id, parent, index };
}
