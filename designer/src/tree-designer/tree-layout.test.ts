import type { TreeBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { sampleTree } from '../../test-fixtures/sample-tree';
import { newNode } from './tree-actions';
import { cardLayout, layoutTree, outlineLayout, type Placement } from './tree-layout';
import { addChild } from './tree-ops';

const { width, height } = cardLayout;
const overlap = (a: Placement, b: Placement) =>
  a.x < b.x + width && b.x < a.x + width && a.y < b.y + height && b.y < a.y + height;

function expectNoOverlaps(layout: Map<string, Placement>) {
  const all = [...layout.entries()];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const [ida, a] = all[i] as [string, Placement];
      const [idb, b] = all[j] as [string, Placement];
      expect(overlap(a, b), `${ida} overlaps ${idb}`).toBe(false);
    }
}

describe('tree layout', () => {
  it('puts levels one under another, choices left to right in their order', () => {
    const layout = layoutTree(sampleTree());
    const at = (id: string) => layout.get(id) as Placement;
    expect(at('start').y).toBe(0);
    expect(at('login').y).toBe(at('pay').y);
    expect(at('pwd').y).toBeGreaterThan(at('login').y + height);
    expect(at('login').x).toBeLessThan(at('pay').x);
    expect(at('pay').x).toBeLessThan(at('other').x);
    expect(at('pwd').x).toBeLessThan(at('blocked').x);
    expect(at('pwd').parent).toBe('login');
    expect(at('start').depth).toBe(0);
    expect(at('refund').depth).toBe(2);
  });

  it('centres a question over its first and last choice', () => {
    const layout = layoutTree(sampleTree());
    const at = (id: string) => layout.get(id) as Placement;
    expect(at('login').x).toBe((at('pwd').x + at('blocked').x) / 2);
    expect(at('start').x).toBe((at('login').x + at('other').x) / 2);
    expect(at('pay').x).toBe(at('refund').x);
  });

  it('never overlaps cards, even in a lopsided deep tree', () => {
    let body: TreeBody = sampleTree();
    for (let i = 0; i < 6; i++) body = addChild(body, 'pay', newNode(`p${i}`));
    for (let i = 0; i < 4; i++) body = addChild(body, i ? `d${i - 1}` : 'p0', newNode(`d${i}`));
    for (let i = 0; i < 3; i++) body = addChild(body, 'd1', newNode(`w${i}`));
    const layout = layoutTree(body);
    expect(layout.size).toBe(body.nodes.length);
    expectNoOverlaps(layout);
  });

  it('draws a shared node once and unreached nodes as their own trees to the right', () => {
    const body = sampleTree();
    const odd: TreeBody = {
      ...body,
      nodes: [
        ...body.nodes.map((n) => (n.id === 'pay' ? { ...n, children: ['refund', 'pwd'] } : n)),
        { id: 'lost', title: { ru: 'Lost' }, children: ['lost2'] },
        { id: 'lost2', title: { ru: 'Lost 2' }, leaf: { type: 'answer', text: { ru: 'x' } } },
      ],
    };
    const layout = layoutTree(odd);
    expect(layout.get('pwd')?.parent).toBe('login');
    expect(layout.get('lost')?.parent).toBeNull();
    expect(layout.get('lost2')?.parent).toBe('lost');
    const right = Math.max(
      ...['start', 'login', 'pay', 'other', 'pwd', 'blocked', 'refund'].map((id) => layout.get(id)?.x ?? 0),
    );
    expect(layout.get('lost')?.x).toBeGreaterThan(right + width);
    expectNoOverlaps(layout);
  });

  it('survives cycles and links to missing nodes', () => {
    const body = sampleTree();
    const cyclic: TreeBody = {
      ...body,
      nodes: body.nodes.map((n) => (n.id === 'pay' ? { ...n, children: ['refund', 'start', 'ghost'] } : n)),
    };
    const layout = layoutTree(cyclic);
    expect(layout.size).toBe(body.nodes.length);
    expect(layout.get('start')?.depth).toBe(0);
  });

  it('draws no card of a folded branch and counts what it hides', () => {
    const layout = layoutTree(sampleTree(), { mode: 'tree', collapsed: new Set(['login']) });
    expect(layout.has('pwd')).toBe(false);
    expect(layout.has('blocked')).toBe(false);
    expect(layout.get('login')?.hidden).toBe(2);
    expect(layout.get('pay')?.hidden).toBeUndefined();
    expectNoOverlaps(layout);
  });

  it('lays out an outline: one card a row in tree order, indented by level', () => {
    const layout = layoutTree(sampleTree(), { mode: 'outline', collapsed: new Set() });
    const order = [...layout.entries()].sort((a, b) => a[1].y - b[1].y).map(([id]) => id);
    expect(order).toEqual(['start', 'login', 'pwd', 'blocked', 'pay', 'refund', 'other']);
    expect(layout.get('login')?.x).toBe(outlineLayout.indent);
    expect(layout.get('pwd')?.x).toBe(2 * outlineLayout.indent);
    expect(layout.get('other')?.x).toBe(outlineLayout.indent);
    expectNoOverlaps(layout);
  });
});
