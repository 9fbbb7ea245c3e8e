import type { TreeBody } from '@opora/runtime/definitions';

export interface LayoutOptions {
  /** Every card has the same size, so positions follow from the structure alone. */
  width: number;
  height: number;
  gapX: number;
  gapY: number;
}

export const cardLayout: LayoutOptions = { width: 240, height: 132, gapX: 28, gapY: 64 };
/** The outline: one card a row, each level indented under its question. */
export const outlineLayout = { indent: 48, gapY: 16 };

/**
 * How the tree is drawn: `tree` top-down with choices side by side (a picture of the whole), `outline` one card a
 * row like a table of contents (a wide tree of hundreds of nodes stays a list to scroll).
 */
export type LayoutMode = 'tree' | 'outline';

export interface TreeView {
  mode: LayoutMode;
  /** Questions whose choices are hidden (their subtrees are not drawn). */
  collapsed: ReadonlySet<string>;
}

export const defaultView: TreeView = { mode: 'tree', collapsed: new Set() };

export interface Placement {
  x: number;
  y: number;
  depth: number;
  /** The question the card is drawn under (null for the start and for nodes nobody reaches). */
  parent: string | null;
  /** For a collapsed question: how many nodes its hidden branch holds. */
  hidden?: number;
}

/**
 * A tidy top-down layout computed from the structure, never stored: every node gets a band as wide as its
 * subtree, choices sit side by side in their order, a question is centred over its first and last choice.
 * Bands never overlap, so neither do cards. A node listed under several questions is drawn once, under the
 * one that reaches it first (as depths are counted); nodes nobody reaches stand to the right as their own trees.
 */
export function layoutTree(
  body: TreeBody,
  view: TreeView = defaultView,
  options: LayoutOptions = cardLayout,
): Map<string, Placement> {
  const { drawnUnder, roots } = spanningForest(body);
  const kids = (id: string) => (view.collapsed.has(id) ? [] : (drawnUnder.get(id) ?? []));
  if (view.mode === 'outline') return withHidden(outline(roots, kids, options), drawnUnder, view.collapsed);
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
  return withHidden(placed, drawnUnder, view.collapsed);
}

/** One card a row in tree order, indented by depth; unreached trees follow below the start's. */
function outline(
  roots: string[],
  kids: (id: string) => string[],
  options: LayoutOptions,
): Map<string, Placement> {
  const placed = new Map<string, Placement>();
  let row = 0;
  const place = (id: string, depth: number, parent: string | null) => {
    placed.set(id, {
      x: depth * outlineLayout.indent,
      y: row * (options.height + outlineLayout.gapY),
      depth,
      parent,
    });
    row += 1;
    for (const child of kids(id)) place(child, depth + 1, id);
  };
  for (const root of roots) place(root, 0, null);
  return placed;
}

/** Marks each drawn collapsed question with the number of nodes its hidden branch holds. */
function withHidden(
  placed: Map<string, Placement>,
  drawnUnder: ReadonlyMap<string, string[]>,
  collapsed: ReadonlySet<string>,
): Map<string, Placement> {
  const count = (id: string): number =>
    (drawnUnder.get(id) ?? []).reduce((sum, child) => sum + 1 + count(child), 0);
  for (const id of collapsed) {
    const at = placed.get(id);
    const hidden = at ? count(id) : 0;
    if (at && hidden) placed.set(id, { ...at, hidden });
  }
  return placed;
}

/** The area the drawn cards cover, in flow coordinates. */
export function layoutBounds(
  layout: ReadonlyMap<string, Placement>,
  options: LayoutOptions = cardLayout,
): { x: number; y: number; width: number; height: number } {
  let [left, top, right, bottom] = [0, 0, 0, 0];
  let first = true;
  for (const at of layout.values()) {
    if (first || at.x < left) left = at.x;
    if (first || at.y < top) top = at.y;
    if (first || at.x + options.width > right) right = at.x + options.width;
    if (first || at.y + options.height > bottom) bottom = at.y + options.height;
    first = false;
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Branches folded when a tree is opened for the first time, so that the first picture is readable: when the whole
 * tree is wider than `maxAcross` cards, the choices of every question from level `d` on are hidden, `d` being the
 * deepest level at which the picture is still at most that wide (and at least 1: the start's choices show).
 */
export function initialCollapsed(body: TreeBody, maxAcross = 12): Set<string> {
  const { drawnUnder, roots } = spanningForest(body);
  const levels: string[][] = [];
  const walk = (id: string, depth: number) => {
    if (!drawnUnder.get(id)?.length) return;
    levels[depth] = [...(levels[depth] ?? []), id];
    for (const child of drawnUnder.get(id) ?? []) walk(child, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  const across = (collapsed: Set<string>) => {
    const leaves = (id: string): number => {
      const kids = collapsed.has(id) ? [] : (drawnUnder.get(id) ?? []);
      return kids.length ? kids.reduce((sum, c) => sum + leaves(c), 0) : 1;
    };
    return roots.reduce((sum, r) => sum + leaves(r), 0);
  };
  const from = (depth: number) => new Set(levels.slice(depth).flat());
  if (across(new Set()) <= maxAcross) return new Set();
  let depth = 1;
  while (depth + 1 < levels.length && across(from(depth + 1)) <= maxAcross) depth += 1;
  return from(depth);
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
