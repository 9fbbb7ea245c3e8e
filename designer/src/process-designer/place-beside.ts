import type { NodeType } from '@opora/runtime/processes';
import { type Box, defaultSize, extentOf } from './process-layout';

const gapX = 70;

/**
 * Where a new node's top-left corner goes: where it was dropped (centred on the pointer); on the bottom edge of
 * the selected activity for a boundary event; right of the selected node, level with its middle; else right of
 * everything, level with the middle of the rightmost node.
 */
export function placeBeside(
  type: NodeType,
  layout: ReadonlyMap<string, Box>,
  from: string | null,
  dropped: { x: number; y: number } | undefined,
  onBorder: boolean,
): { x: number; y: number } {
  const size = defaultSize(type);
  if (dropped) return { x: dropped.x - size.width / 2, y: dropped.y - size.height / 2 };
  const box = from ? layout.get(from) : undefined;
  if (box && onBorder)
    return { x: box.x + box.width - size.width - 10, y: box.y + box.height - size.height / 2 };
  if (box) return { x: box.x + box.width + gapX, y: box.y + box.height / 2 - size.height / 2 };
  if (!layout.size) return { x: 100, y: 100 };
  const all = extentOf(layout);
  const last = [...layout.values()].reduce((a, b) => (b.x + b.width > a.x + a.width ? b : a));
  return { x: all.x + all.width + gapX, y: last.y + last.height / 2 - size.height / 2 };
}
