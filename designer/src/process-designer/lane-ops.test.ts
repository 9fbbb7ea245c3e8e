import { type ProcessBody, validateDefinitionBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import {
  addLane,
  assignLanes,
  laneAt,
  laneCarries,
  moveLane,
  newLaneBox,
  removeLane,
  renameLane,
  resizeLane,
} from './lane-ops';
import { layoutProcess } from './process-layout';
import { moveNode } from './process-ops';
import { createProcessStore } from './process-store';
import { sampleProcess } from './sample-process';

const laneOf = (body: ProcessBody, id: string) => body.nodes.find((n) => n.id === id)?.lane;

/** The sample with two stacked lanes: «Отдел» (y 40…240) holds every node, «Юристы» (y 240…440) none. */
const withLanes = (): ProcessBody => {
  let body = addLane(sampleProcess(), {
    id: 'dept',
    name: 'Отдел',
    position: { x: 40, y: 40, width: 600, height: 200 },
  });
  body = addLane(body, { id: 'law', name: 'Юристы', position: { x: 40, y: 240, width: 600, height: 200 } });
  return body;
};

describe('lanes', () => {
  it('finds the lane under a point, the smallest of nested ones, none outside', () => {
    const lanes = [
      { id: 'outer', position: { x: 0, y: 0, width: 1000, height: 1000 } },
      { id: 'inner', position: { x: 100, y: 100, width: 200, height: 200 } },
      { id: 'undrawn' },
    ];
    expect(laneAt(lanes, { x: 150, y: 150 })).toBe('inner');
    expect(laneAt(lanes, { x: 500, y: 500 })).toBe('outer');
    expect(laneAt(lanes, { x: -5, y: 10 })).toBeUndefined();
  });

  it('puts a node into the lane its centre stands in, and out of every lane off them', () => {
    const body = withLanes();
    expect(body.nodes.map((n) => n.lane)).toEqual(['dept', 'dept', 'dept', 'dept', 'dept']);
    // The approval's centre (250, 350) lands in «Юристы»; the end far right of every lane leaves them.
    let moved = assignLanes(moveNode(body, 'approve', { x: 200, y: 310 }), ['approve']);
    expect(laneOf(moved, 'approve')).toBe('law');
    moved = assignLanes(moveNode(moved, 'done', { x: 900, y: 60 }), ['done']);
    expect(laneOf(moved, 'done')).toBeUndefined();
    expect(assignLanes(moved)).toBe(moved);
    expect(validateDefinitionBody('process', moved, 'ru')).toEqual([]);
  });

  it('keeps a node in a lane that has no bounds to judge by', () => {
    const body: ProcessBody = {
      ...sampleProcess(),
      lanes: [{ id: 'undrawn' }],
      nodes: sampleProcess().nodes.map((n) => ({ ...n, lane: 'undrawn' })),
    };
    expect(assignLanes(body)).toBe(body);
  });

  it('adds the first lane around the diagram and the next one under it', () => {
    const first = newLaneBox(sampleProcess(), layoutProcess(sampleProcess()));
    expect(first).toEqual({ x: 30, y: 10, width: 600, height: 256 });
    const body = addLane(sampleProcess(), { id: 'a', position: first });
    expect(body.nodes.every((n) => n.lane === 'a')).toBe(true);
    expect(newLaneBox(body, layoutProcess(body))).toEqual({ x: 30, y: 266, width: 600, height: 200 });
    expect(newLaneBox({ ...sampleProcess(), nodes: [] }, new Map())).toEqual({
      x: 40,
      y: 40,
      width: 600,
      height: 200,
    });
  });

  it('moves a lane with its nodes, and only its nodes', () => {
    let body = withLanes();
    body = assignLanes(moveNode(body, 'refused', { x: 470, y: 300 }), ['refused']);
    expect(laneCarries(body, 'law', layoutProcess(body))).toEqual(['refused']);
    const moved = moveLane(body, 'dept', { x: 140, y: 20 });
    expect(moved.lanes?.[0]?.position).toEqual({ x: 140, y: 20, width: 600, height: 200 });
    expect(moved.nodes.find((n) => n.id === 'start')?.position).toEqual({
      x: 200,
      y: 100,
      width: 36,
      height: 36,
    });
    expect(moved.nodes.find((n) => n.id === 'refused')?.position).toEqual(body.nodes[4]?.position);
    expect(moved.nodes.map((n) => n.lane)).toEqual(['dept', 'dept', 'dept', 'dept', 'law']);
    expect(moveLane(moved, 'dept', { x: 140, y: 20 })).toBe(moved);
  });

  it('resizes a lane no smaller than its minimum; nodes left outside leave it', () => {
    const body = withLanes();
    const small = resizeLane(body, 'dept', { x: 40, y: 40, width: 300.4, height: 10 });
    expect(small.lanes?.[0]?.position).toEqual({ x: 40, y: 40, width: 300, height: 100 });
    // Start (118, 138) and approval (250, 138) stay; the gateway (385, 138) and the ends are now outside.
    expect(small.nodes.map((n) => n.lane)).toEqual(['dept', 'dept', undefined, undefined, undefined]);
  });

  it('renames a lane and deletes it, its nodes staying in no lane; undo brings all back in one step', () => {
    const store = createProcessStore(withLanes(), () => undefined);
    store.change((b) => renameLane(b, 'dept', 'Бухгалтерия'), undefined, 'lane:dept:name');
    expect(store.get().body.lanes?.[0]?.name).toBe('Бухгалтерия');
    store.change((b) => renameLane(b, 'dept', ''), undefined, 'lane:dept:name');
    expect(store.get().body.lanes?.[0]).toEqual({
      id: 'dept',
      position: { x: 40, y: 40, width: 600, height: 200 },
    });
    store.select('lane:law');
    store.change((b) => removeLane(removeLane(b, 'law'), 'dept'), null);
    expect(store.get().body.lanes).toBeUndefined();
    expect(store.get().body.nodes).toEqual(sampleProcess().nodes);
    store.undo();
    expect(store.get().body.lanes?.map((l) => l.id)).toEqual(['dept', 'law']);
    expect(store.get().body.nodes.every((n) => n.lane === 'dept')).toBe(true);
    expect(store.get().selected).toBe('lane:law');
  });
});
