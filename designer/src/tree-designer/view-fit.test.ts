import { describe, expect, it } from 'vitest';
import { bigTree } from '../../test-fixtures/big-tree';
import { sampleTree } from '../../test-fixtures/sample-tree';
import { cardLayout, initialCollapsed, layoutBounds, layoutTree } from './tree-layout';
import { fitViewport, legibleZoom } from './view-fit';

/** The canvas at a 1280 px wide window, beside the properties panel. */
const pane = { width: 860, height: 650 };

describe('fitting the tree in view', () => {
  it('shows a small tree whole, centred, never enlarged past its natural size', () => {
    const layout = layoutTree(sampleTree());
    const view = fitViewport(layout, 'start', { width: 3000, height: 2000 });
    expect(view.zoom).toBe(1);
    const bounds = layoutBounds(layout);
    expect(view.x + (bounds.x + bounds.width / 2) * view.zoom).toBeCloseTo(1500);
  });

  it('shrinks a mid-size tree to fit, but not below the legible zoom', () => {
    const layout = layoutTree(sampleTree());
    const view = fitViewport(layout, 'start', { width: 700, height: 500 });
    expect(view.zoom).toBeGreaterThanOrEqual(legibleZoom);
    expect(view.zoom).toBeLessThan(1);
    const bounds = layoutBounds(layout);
    expect(view.x + bounds.x * view.zoom).toBeGreaterThanOrEqual(0);
    expect(view.x + (bounds.x + bounds.width) * view.zoom).toBeLessThanOrEqual(700);
  });

  it('opens a 300-node tree readable at its start, not as a picture of dots', () => {
    const body = bigTree(300);
    expect(body.nodes).toHaveLength(300);
    const layout = layoutTree(body);
    const view = fitViewport(layout, 'start', pane);
    expect(view.zoom).toBe(legibleZoom);
    expect(cardLayout.width * view.zoom).toBeGreaterThanOrEqual(120);
    // The start is on screen, at the top, horizontally in the middle.
    const start = layout.get('start');
    const left = view.x + (start?.x ?? 0) * view.zoom;
    const top = view.y + (start?.y ?? 0) * view.zoom;
    expect(top).toBe(24);
    expect(left + (cardLayout.width * view.zoom) / 2).toBeCloseTo(pane.width / 2);
  });

  it('shows a tall outline from its top, the start first', () => {
    const layout = layoutTree(bigTree(300), { mode: 'outline', collapsed: new Set() });
    const view = fitViewport(layout, 'start', pane);
    expect(view.zoom).toBe(legibleZoom);
    expect(view.y).toBe(24);
    expect(view.x).toBeGreaterThan(0);
  });

  it('keeps a wide tree against the pane edge instead of showing empty space beside it', () => {
    // The start is the leftmost card of this tree: centring on it would leave half the pane empty.
    const body = bigTree(300);
    const layout = layoutTree({ ...body, root: 't0', nodes: body.nodes.filter((n) => n.id !== 'start') });
    const view = fitViewport(layout, 't0', pane);
    expect(view.zoom).toBe(legibleZoom);
    expect(view.x + (layout.get('t0q0')?.x ?? 0) * view.zoom).toBeLessThanOrEqual(24);
  });

  it('folds a wide tree when first opened so its picture is a few cards across', () => {
    const body = bigTree(300);
    const collapsed = initialCollapsed(body);
    expect(collapsed.has('start')).toBe(false);
    expect(collapsed.has('t0')).toBe(true);
    const layout = layoutTree(body, { mode: 'tree', collapsed });
    expect(layout.size).toBe(11);
    expect(layout.get('t0')?.hidden).toBeGreaterThan(5);
    const view = fitViewport(layout, 'start', pane);
    expect(view.zoom).toBeGreaterThanOrEqual(legibleZoom);
    // A small tree is not folded at all.
    expect(initialCollapsed(sampleTree()).size).toBe(0);
  });
});
