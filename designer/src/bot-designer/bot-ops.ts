import type { BotBlock, BotBody, BotTrigger } from '@opora/runtime/definitions';

/**
 * Pure edits of a bot body. Each returns a new body (or the same one when nothing changes), so the store can
 * record the difference as one undo step. Canvas node ids: a block's id, or `trigger:<id>` for a trigger (the
 * two kinds of id may coincide in a body).
 */

export const triggerPrefix = 'trigger:';
export const triggerNodeId = (id: string) => `${triggerPrefix}${id}`;
export const triggerIdOf = (nodeId: string): string | null =>
  nodeId.startsWith(triggerPrefix) ? nodeId.slice(triggerPrefix.length) : null;

export function nodeExists(body: BotBody, nodeId: string): boolean {
  const trigger = triggerIdOf(nodeId);
  return trigger !== null
    ? body.triggers.some((t) => t.id === trigger)
    : body.blocks.some((b) => b.id === nodeId);
}

export const findBlock = (body: BotBody, id: string): BotBlock | undefined =>
  body.blocks.find((b) => b.id === id);
export const findTrigger = (body: BotBody, id: string): BotTrigger | undefined =>
  body.triggers.find((t) => t.id === id);

/** `base`, or `base-2`, `base-3` … — the first not in `taken`. */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const addBlock = (body: BotBody, block: BotBlock): BotBody => ({
  ...body,
  blocks: [...body.blocks, block],
});

export const addTrigger = (body: BotBody, trigger: BotTrigger): BotBody => ({
  ...body,
  triggers: [...body.triggers, trigger],
});

export function replaceBlock(body: BotBody, id: string, next: BotBlock): BotBody {
  const index = body.blocks.findIndex((b) => b.id === id);
  if (index < 0) return body;
  const blocks = [...body.blocks];
  blocks[index] = next;
  return { ...body, blocks };
}

export function replaceTrigger(body: BotBody, id: string, next: BotTrigger): BotBody {
  const index = body.triggers.findIndex((t) => t.id === id);
  if (index < 0) return body;
  const triggers = [...body.triggers];
  triggers[index] = next;
  return { ...body, triggers };
}

/** Points `exit` of block `from` to `to`, or clears it when `to` is null. */
export function connect(body: BotBody, from: string, exit: string, to: string | null): BotBody {
  const block = findBlock(body, from);
  if (!block || block.exits[exit as keyof typeof block.exits] === (to ?? undefined)) return body;
  const exits: Record<string, string> = { ...block.exits };
  if (to === null) delete exits[exit];
  else exits[exit] = to;
  return replaceBlock(body, from, { ...block, exits } as BotBlock);
}

/** A trigger starts at `to`. A trigger always starts somewhere, so there is no clearing it. */
export function connectTrigger(body: BotBody, trigger: string, to: string): BotBody {
  const found = findTrigger(body, trigger);
  if (!found || found.next === to) return body;
  return replaceTrigger(body, trigger, { ...found, next: to });
}

/** Removes a block and every exit pointing to it (triggers that started there keep the dangling name). */
export function removeBlock(body: BotBody, id: string): BotBody {
  if (!findBlock(body, id)) return body;
  const blocks = body.blocks
    .filter((b) => b.id !== id)
    .map((b) => {
      const kept = Object.entries(b.exits).filter(([, target]) => target !== id);
      return kept.length === Object.keys(b.exits).length
        ? b
        : ({ ...b, exits: Object.fromEntries(kept) } as BotBlock);
    });
  return { ...body, blocks };
}

export const removeTrigger = (body: BotBody, id: string): BotBody =>
  findTrigger(body, id) ? { ...body, triggers: body.triggers.filter((t) => t.id !== id) } : body;

/** Renames a block and every exit and trigger pointing to it; refuses (same body) a taken or invalid id. */
export function renameBlock(body: BotBody, from: string, to: string): BotBody {
  if (from === to || !/^[A-Za-z0-9_-]{1,64}$/.test(to) || findBlock(body, to) || !findBlock(body, from))
    return body;
  const follow = (target: string) => (target === from ? to : target);
  return {
    ...body,
    triggers: body.triggers.map((t) => (t.next === from ? { ...t, next: to } : t)),
    blocks: body.blocks.map((b) => {
      const exits = Object.fromEntries(
        Object.entries(b.exits).map(([exit, target]) => [exit, follow(target)]),
      );
      return { ...b, id: follow(b.id), exits } as BotBlock;
    }),
  };
}

/** Saves where blocks stand on the canvas (rounded: positions are for people, not for precision). */
export function placeBlocks(body: BotBody, places: ReadonlyMap<string, { x: number; y: number }>): BotBody {
  let changed = false;
  const blocks = body.blocks.map((b) => {
    const at = places.get(b.id);
    if (!at) return b;
    const position = { x: Math.round(at.x), y: Math.round(at.y) };
    if (b.position?.x === position.x && b.position?.y === position.y) return b;
    changed = true;
    return { ...b, position };
  });
  return changed ? { ...body, blocks } : body;
}
