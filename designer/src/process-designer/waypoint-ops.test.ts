import { describe, expect, it } from 'vitest';
import { layoutProcess } from './process-layout';
import { findFlow, moveNodes } from './process-ops';
import { createProcessStore } from './process-store';
import { sampleProcess } from './sample-process';
import { addBend, bendsOf, carryBends, moveBend, removeBend } from './waypoint-ops';

const layout = layoutProcess(sampleProcess());

describe('bend points', () => {
  it('adds a bend into the nearest segment, its ends at the nodes’ handles, as BPMN DI writes a line', () => {
    // f2: approval (200…300, middle 138) → gateway (360, middle 138).
    let body = addBend(sampleProcess(), 'f2', { x: 330.4, y: 200 }, layout);
    expect(findFlow(body, 'f2')?.waypoints).toEqual([
      { x: 300, y: 138 },
      { x: 330, y: 200 },
      { x: 360, y: 138 },
    ]);
    body = addBend(body, 'f2', { x: 350, y: 170 }, layout);
    body = addBend(body, 'f2', { x: 310, y: 170 }, layout);
    expect(bendsOf(findFlow(body, 'f2') ?? { waypoints: [] })).toEqual([
      { x: 310, y: 170 },
      { x: 330, y: 200 },
      { x: 350, y: 170 },
    ]);
  });

  it('moves and removes a bend; the last one gone, the flow has no waypoints; each is one undo step', () => {
    const store = createProcessStore(sampleProcess(), () => undefined);
    store.change((b) => addBend(b, 'f1', { x: 170, y: 200 }, layout));
    store.change((b) => moveBend(b, 'f1', 0, { x: 160, y: 220 }, layout));
    expect(bendsOf(findFlow(store.get().body, 'f1') ?? {})).toEqual([{ x: 160, y: 220 }]);
    expect(moveBend(store.get().body, 'f1', 0, { x: 160, y: 220 }, layout)).toBe(store.get().body);
    expect(removeBend(store.get().body, 'f1', 3, layout)).toBe(store.get().body);
    store.change((b) => removeBend(b, 'f1', 0, layout));
    expect(findFlow(store.get().body, 'f1')).toEqual({ id: 'f1', source: 'start', target: 'approve' });
    store.undo();
    expect(bendsOf(findFlow(store.get().body, 'f1') ?? {})).toEqual([{ x: 160, y: 220 }]);
    store.undo();
    store.undo();
    expect(store.get().body).toEqual(sampleProcess());
  });

  it('carries the bends of a flow whose two ends moved together, not of one half-moved', () => {
    const body = addBend(
      addBend(sampleProcess(), 'f1', { x: 170, y: 200 }, layout),
      'f2',
      { x: 330, y: 200 },
      layout,
    );
    const moves = new Map([
      ['start', { x: 110, y: 130 }],
      ['approve', { x: 210, y: 108 }],
    ]);
    const moved = carryBends(body, moveNodes(body, moves));
    expect(findFlow(moved, 'f1')?.waypoints?.[1]).toEqual({ x: 180, y: 210 });
    expect(findFlow(moved, 'f2')?.waypoints).toEqual(findFlow(body, 'f2')?.waypoints);
  });
});
