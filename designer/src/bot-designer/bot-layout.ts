import type { BotBlock, BotBody } from '@opora/runtime/definitions';
import { exitsOf, exitTarget } from './block-exits';
import { triggerNodeId } from './bot-ops';

/** Sizes on the canvas: a block grows by one row per exit, so its exit handles each have their own line. */
export const botCard = {
  width: 240,
  baseHeight: 70,
  exitRow: 22,
  triggerWidth: 200,
  triggerHeight: 64,
  gapX: 90,
  gapY: 28,
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const blockHeight = (block: BotBlock): number =>
  botCard.baseHeight + botCard.exitRow * Math.max(1, exitsOf(block).length);

/**
 * Where each trigger and block stands. A block with a saved position stands there; the others are laid out in
 * layers by how many exits away from a trigger they are (left to right, as the conversation goes), in the order
 * they are met, and blocks no trigger reaches below them. Triggers stand left of the blocks, each level with the
 * block it starts at where there is room.
 */
export function layoutBot(body: BotBody): Map<string, Box> {
  const byId = new Map(body.blocks.map((b) => [b.id, b]));
  const boxes = new Map<string, Box>();
  const column = botCard.width + botCard.gapX;
  let top = 0;
  for (const layers of blockBands(body, byId)) {
    let bottom = top;
    layers.forEach((ids, layer) => {
      let y = top;
      for (const id of ids) {
        const block = byId.get(id) as BotBlock;
        const height = blockHeight(block);
        const at = block.position ?? { x: botCard.triggerWidth + botCard.gapX + layer * column, y };
        boxes.set(id, { x: at.x, y: at.y, width: botCard.width, height });
        y += height + botCard.gapY;
      }
      bottom = Math.max(bottom, y);
    });
    top = bottom + botCard.gapY;
  }
  const left = Math.min(botCard.triggerWidth + botCard.gapX, ...[...boxes.values()].map((b) => b.x));
  let below = Number.NEGATIVE_INFINITY;
  for (const trigger of body.triggers) {
    const wanted = boxes.get(trigger.next)?.y ?? 0;
    const y = Math.max(wanted, below);
    boxes.set(triggerNodeId(trigger.id), {
      x: left - botCard.gapX - botCard.triggerWidth,
      y,
      width: botCard.triggerWidth,
      height: botCard.triggerHeight,
    });
    below = y + botCard.triggerHeight + botCard.gapY;
  }
  return boxes;
}

/**
 * Blocks in layers by their distance (in exits) from the nearest trigger; then, below, the blocks no trigger
 * reaches, laid out the same way from each block that starts such a loose chain (one just added, not yet
 * connected), so a chain being built stands together.
 */
function blockBands(body: BotBody, byId: ReadonlyMap<string, BotBlock>): string[][][] {
  const seen = new Set<string>();
  const bands = [
    layersFrom(
      body.triggers.map((t) => t.next).filter((id) => byId.has(id)),
      byId,
      seen,
    ),
  ];
  const targets = new Set(body.blocks.flatMap((b) => Object.values(b.exits)));
  const loose = body.blocks.filter((b) => !seen.has(b.id));
  const starts = [...loose.filter((b) => !targets.has(b.id)), ...loose];
  const rest: string[][] = [];
  for (const start of starts) {
    if (seen.has(start.id)) continue;
    layersFrom([start.id], byId, seen).forEach((ids, i) => {
      rest[i] = [...(rest[i] ?? []), ...ids];
    });
  }
  return [...bands, rest].filter((layers) => layers.length > 0);
}

function layersFrom(starts: string[], byId: ReadonlyMap<string, BotBlock>, seen: Set<string>): string[][] {
  let frontier = starts.filter((id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const layers: string[][] = [];
  while (frontier.length) {
    layers.push(frontier);
    const next: string[] = [];
    for (const id of frontier) {
      const block = byId.get(id) as BotBlock;
      for (const exit of exitsOf(block)) {
        const target = exitTarget(block, exit.name);
        if (target && byId.has(target) && !seen.has(target)) {
          seen.add(target);
          next.push(target);
        }
      }
    }
    frontier = next;
  }
  return layers;
}

export function layoutBounds(boxes: ReadonlyMap<string, Box>): Box {
  if (boxes.size === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const all = [...boxes.values()];
  const x = Math.min(...all.map((b) => b.x));
  const y = Math.min(...all.map((b) => b.y));
  const right = Math.max(...all.map((b) => b.x + b.width));
  const bottom = Math.max(...all.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** Below this zoom a card's text is too small to read: a big bot opens at it, from its start, and is panned. */
export const readableZoom = 0.7;
const padding = 24;

/**
 * The view that shows the whole bot in the pane, never enlarged past natural size; a bot too big for that at a
 * readable zoom opens at that zoom from its top left, where the triggers are.
 */
export function fitBot(boxes: ReadonlyMap<string, Box>, pane: { width: number; height: number }) {
  const bounds = layoutBounds(boxes);
  const room = {
    width: Math.max(1, pane.width - 2 * padding),
    height: Math.max(1, pane.height - 2 * padding),
  };
  const fit = Math.min(room.width / Math.max(1, bounds.width), room.height / Math.max(1, bounds.height));
  const zoom = Math.max(readableZoom, Math.min(1, fit));
  if (fit >= readableZoom)
    return {
      zoom,
      x: (pane.width - bounds.width * zoom) / 2 - bounds.x * zoom,
      y: (pane.height - bounds.height * zoom) / 2 - bounds.y * zoom,
    };
  return { zoom, x: padding - bounds.x * zoom, y: padding - bounds.y * zoom };
}
