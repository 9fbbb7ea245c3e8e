import type { TreeBody } from '@opora/runtime/definitions';

export interface LayoutOptions {
  /** Every card has the same size, so positions follow from the structure alone. */
  width: number;
  height: number;
  gapX: number;
  gapY: number;
}

export const cardLayout: LayoutOptions = { width: 240, height: 132, gapX: 28, gapY: 64 };

export interface Placement {
  x: number;
  y: number;
  depth: number;
  /** The question the card is drawn under (null for the start and for nodes nobody reaches). */
  parent: string | null;
}

/**
 * A tidy top-down layout computed from the structure, never stored: every node gets a band as wide as its
 * subtree, choices sit side by side in their order, a question is centred over its first and last choice.
 * Bands never overlap, so neither do cards. A node listed under several questions is drawn once, under the
 * one that reaches it first (as depths are counted); nodes nobody reaches stand to the right as their own trees.
 */
export function layoutTree(body: TreeBody, options: LayoutOptions = cardLayout): Map<string, Placement> {
  const { drawnUnder, roots } = spanningForest(body);
  const kids = (id: string) => drawnUnder.get(id) ?? [];
  const widths = new Map<string, number>();
  const widthOf = (id: string): number => {
    const known = widths.get(id);
    if (known !== undefined) return known;
    const children = kids(id);
    const width = children.length
      ? children.reduce((sum, c) => sum + widthOf(c), 0) + options.gapX * (children.length - 1)
      : options.width;
    widths.set(id, width);
    return width;
  };
  const placed = new Map<string, Placement>();
  const place = (id: string, left: number, depth: number, parent: string | null) => {
    const children = kids(id);
    let x = left;
    if (children.length) {
      let cursor = left;
      for (const child of children) {
        place(child, cursor, depth + 1, id);
        cursor += widthOf(child) + options.gapX;
      }
      const first = placed.get(children[0] as string) as Placement;
      const last = placed.get(children.at(-1) as string) as Placement;
      x = (first.x + last.x) / 2;
    }
    placed.set(id, { x, y: depth * (options.height + options.gapY), depth, parent });
  };
  let left = 0;
  for (const root of roots) {
    place(root, left, 0, null);
    left += widthOf(root) + options.gapX * 3;
  }
  return placed;
}

/** Who is drawn under whom: breadth-first from the start (shortest way down), then from unreached nodes. */
function spanningForest(body: TreeBody): { drawnUnder: Map<string, string[]>; roots: string[] } {
  const byId = new Map(body.nodes.map((n) => [n.id, n]));
  const drawnUnder = new Map<string, string[]>();
  const seen = new Set<string>();
  const roots: string[] = [];
  const grow = (start: string) => {
    if (seen.has(start) || !byId.has(start)) return;
    roots.push(start);
    seen.add(start);
    const queue = [start];
    while (queue.length) {
      const id = queue.shift() as string;
      const under: string[] = [];
      for (const child of byId.get(id)?.children ?? [])
        if (byId.has(child) && !seen.has(child)) {
          seen.add(child);
          under.push(child);
          queue.push(child);
        }
      drawnUnder.set(id, under);
    }
  };
  grow(body.root);
  // Unreached nodes that no other node lists start their own trees first, so a cut-off branch stays whole.
  const listed = new Set(body.nodes.flatMap((n) => n.children ?? []));
  for (const node of body.nodes) if (!listed.has(node.id)) grow(node.id);
  for (const node of body.nodes) grow(node.id);
  return { drawnUnder, roots };
}
