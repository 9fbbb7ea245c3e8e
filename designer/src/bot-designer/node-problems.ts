import type { BotBody } from '@opora/runtime/definitions';
import { triggerNodeId } from './bot-ops';

export interface BotProblem {
  pointer: string;
  message: string;
  /** The canvas node the pointer falls in (a block id or `trigger:<id>`), or null for the bot as a whole. */
  node: string | null;
  source: 'local' | 'server';
}

/** The canvas node a JSON pointer into the body names: `/blocks/3/text/ru` → that block's id. */
export function nodeOfPointer(body: BotBody, pointer: string): string | null {
  const match = /^\/(blocks|triggers)\/(\d+)(?:\/|$)/.exec(pointer);
  if (!match) return null;
  const index = Number(match[2]);
  if (match[1] === 'blocks') return body.blocks[index]?.id ?? null;
  const trigger = body.triggers[index];
  return trigger ? triggerNodeId(trigger.id) : null;
}

export function problemsByNode(problems: readonly BotProblem[]): Map<string, BotProblem[]> {
  const map = new Map<string, BotProblem[]>();
  for (const p of problems) {
    if (p.node === null) continue;
    const list = map.get(p.node) ?? [];
    list.push(p);
    map.set(p.node, list);
  }
  return map;
}
