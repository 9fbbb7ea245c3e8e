import type { BotBlock, BotBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { sampleBot } from '../../test-fixtures/sample-bot';
import { botCard, fitBot, layoutBot, layoutBounds, readableZoom } from './bot-layout';
import { triggerNodeId } from './bot-ops';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A chain of `n` questions, each falling back to a shared hand-over: a big bot with no positions. */
function bigBot(n: number): BotBody {
  const blocks: BotBlock[] = [];
  for (let i = 0; i < n; i++)
    blocks.push({
      id: `q${i}`,
      type: 'ask',
      typeVersion: 1,
      text: { ru: `Вопрос ${i}` },
      input: 'text',
      variable: `a${i}`,
      retries: 0,
      exits: { next: i + 1 < n ? `q${i + 1}` : 'op', fallback: i % 2 ? 'op' : `m${i}` },
    });
  for (let i = 0; i < n; i += 2)
    blocks.push({
      id: `m${i}`,
      type: 'message',
      typeVersion: 1,
      text: { ru: 'Ещё раз' },
      exits: { next: 'op' },
    });
  blocks.push({ id: 'op', type: 'hand-over', typeVersion: 1, line: 'support', summary: [], exits: {} });
  return {
    schemaVersion: 2,
    title: { ru: 'Большой' },
    triggers: [{ id: 's', type: 'newDialog', next: 'q0' }],
    blocks,
  };
}

/** An imported menu bot with no positions: 200 blocks, each a menu of three options opening the next ones. */
function menuBot(n: number): BotBody {
  const blocks: BotBlock[] = [];
  for (let i = 0; i < n; i++) {
    const child = (k: number) => (3 * i + k < n ? `b${3 * i + k}` : 'b0');
    blocks.push({
      id: `b${i}`,
      type: 'buttons',
      typeVersion: 1,
      text: { ru: `Меню ${i}` },
      retries: 0,
      options: [1, 2, 3].map((k) => ({ id: `o${k}`, label: { ru: `Пункт ${k}` } })),
      exits: { 'option:o1': child(1), 'option:o2': child(2), 'option:o3': child(3), fallback: 'b0' },
    } as BotBlock);
  }
  return {
    schemaVersion: 2,
    title: { ru: 'Меню' },
    triggers: [
      { id: 'start', type: 'newDialog', next: 'b0' },
      { id: 'menu', type: 'keyword', keywords: ['меню'], next: 'b0' },
    ],
    blocks,
  };
}

const noOverlaps = (boxes: ReturnType<typeof layoutBot>) => {
  const all = [...boxes.entries()];
  const clashes: string[] = [];
  for (const [i, [ida, a]] of all.entries())
    for (const [idb, b] of all.slice(i + 1)) if (overlap(a, b)) clashes.push(`${ida}/${idb}`);
  return clashes;
};

describe('bot layout', () => {
  it('lays blocks out in layers by exits from the triggers, left to right, without overlaps', () => {
    const boxes = layoutBot(sampleBot());
    const x = (id: string) => boxes.get(id)?.x ?? Number.NaN;
    expect(x(triggerNodeId('start'))).toBeLessThan(x('greet'));
    expect(x('greet')).toBeLessThan(x('menu'));
    expect(x('ask')).toBe(x('operator'));
    expect(x('bye')).toBeGreaterThan(x('ask'));
    const all = [...boxes.values()];
    for (const [i, a] of all.entries()) for (const b of all.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    expect(boxes.get('menu')?.height).toBe(botCard.baseHeight + 3 * botCard.exitRow);
  });

  it('keeps saved positions and puts unreached chains below, in their own layers', () => {
    const body = sampleBot();
    body.blocks[0] = { ...(body.blocks[0] as BotBlock), position: { x: 500, y: 700 } };
    body.blocks.push({ id: 'lost-end', type: 'end', typeVersion: 1, exits: {} });
    body.blocks.push({
      id: 'lost',
      type: 'message',
      typeVersion: 1,
      text: { ru: '?' },
      exits: { next: 'lost-end' },
    });
    const boxes = layoutBot(body);
    expect(boxes.get('greet')).toMatchObject({ x: 500, y: 700 });
    expect(boxes.get(triggerNodeId('start'))?.y).toBe(700);
    const lost = boxes.get('lost');
    const lostEnd = boxes.get('lost-end');
    expect(lost?.x).toBe(botCard.triggerWidth + botCard.gapX);
    expect(lostEnd?.x).toBe(boxes.get('menu')?.x);
    expect(lost?.y).toBe(lostEnd?.y);
    expect(lost?.y).toBeGreaterThan(boxes.get('operator')?.y ?? 0);
  });

  it('opens a 200-block bot at a readable zoom from its start, and a small one whole', () => {
    const big = layoutBot(bigBot(140));
    expect(big.size).toBe(1 + 140 + 70 + 1);
    const view = fitBot(big, { width: 900, height: 600 });
    expect(view.zoom).toBe(readableZoom);
    const bounds = layoutBounds(big);
    expect(view.x).toBeCloseTo(24 - bounds.x * readableZoom);
    const small = fitBot(layoutBot(sampleBot()), { width: 2000, height: 1200 });
    expect(small.zoom).toBe(1);
  });

  it('lays out an imported 200-block bot with no card over another and opens it readable at its start', () => {
    for (const body of [menuBot(200), bigBot(140)]) {
      const boxes = layoutBot(body);
      expect(boxes.size).toBe(body.blocks.length + body.triggers.length);
      expect(noOverlaps(boxes)).toEqual([]);
      const pane = { width: 1000, height: 640 };
      const view = fitBot(boxes, pane);
      expect(view.zoom).toBeGreaterThanOrEqual(readableZoom);
      // The start trigger and the first block are on screen when it opens.
      for (const id of [triggerNodeId(body.triggers[0]?.id ?? ''), body.blocks[0]?.id ?? '']) {
        const box = boxes.get(id);
        expect(box).toBeDefined();
        const left = (box?.x ?? 0) * view.zoom + view.x;
        const top = (box?.y ?? 0) * view.zoom + view.y;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(left + (box?.width ?? 0) * view.zoom).toBeLessThanOrEqual(pane.width);
        expect(top + (box?.height ?? 0) * view.zoom).toBeLessThanOrEqual(pane.height);
      }
    }
  });
});
