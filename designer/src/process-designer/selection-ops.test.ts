import { describe, expect, it } from 'vitest';
import { addLane } from './lane-ops';
import { moveNodes } from './process-ops';
import { createProcessStore } from './process-store';
import { sampleProcess } from './sample-process';
import { selectionIds, selectionOf, singleSelected, toggleSelected } from './selection';
import { keepSelection, removeSelection, selectionParts } from './selection-ops';

describe('multi-selection', () => {
  it('adds and takes out elements with Shift+click; one of them is a single selection', () => {
    let s = toggleSelected(null, 'start');
    s = toggleSelected(s, 'flow:f1');
    s = toggleSelected(s, 'approve');
    expect(selectionIds(s)).toEqual(['start', 'flow:f1', 'approve']);
    expect(singleSelected(s)).toBeNull();
    s = toggleSelected(toggleSelected(s, 'start'), 'flow:f1');
    expect(s).toBe('approve');
    expect(singleSelected(s)).toBe('approve');
    expect(toggleSelected(s, 'approve')).toBeNull();
    expect(selectionOf(['a', 'a', 'lane:x'])).toBe('a lane:x');
  });

  it('deletes all selected nodes, flows and lanes in one step, undone in one', () => {
    const body = addLane(sampleProcess(), { id: 'dept', position: { x: 0, y: 0, width: 800, height: 400 } });
    const store = createProcessStore(body, () => undefined);
    const selection = selectionOf(['done', 'refused', 'flow:f1', 'lane:dept']);
    expect(selectionParts(selection)).toMatchObject({
      nodes: ['done', 'refused'],
      flows: ['f1'],
      lanes: ['dept'],
    });
    store.select(selection);
    store.change((b) => removeSelection(b, selection), null);
    expect(store.get().body.nodes.map((n) => n.id)).toEqual(['start', 'approve', 'decide']);
    expect(store.get().body.nodes.some((n) => n.lane)).toBe(false);
    expect(store.get().body.flows.map((f) => f.id)).toEqual(['f2']);
    expect(store.get().body.lanes).toBeUndefined();
    expect(store.get().past).toHaveLength(1);
    store.undo();
    expect(store.get().body).toEqual(body);
    expect(store.get().selected).toBe(selection);
  });

  it('keeps what of a selection still exists after undo', () => {
    const store = createProcessStore(sampleProcess(), () => undefined);
    store.change((b) => removeSelection(b, 'done'), 'start done');
    expect(keepSelection(store.get().body, 'start done flow:f1 lane:none')).toBe('start flow:f1');
    store.undo();
    expect(store.get().selected).toBe('start done');
  });

  it('moves a selection in one step, carrying a boundary event of a moved task', () => {
    const store = createProcessStore(sampleProcess(), () => undefined);
    store.change((b) =>
      moveNodes(
        b,
        new Map([
          ['start', { x: 100, y: 220 }],
          ['approve', { x: 200, y: 198 }],
        ]),
      ),
    );
    expect(
      store
        .get()
        .body.nodes.slice(0, 2)
        .map((n) => n.position?.y),
    ).toEqual([220, 198]);
    expect(store.get().past).toHaveLength(1);
  });
});
