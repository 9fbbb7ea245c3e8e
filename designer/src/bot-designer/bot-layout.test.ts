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
});
