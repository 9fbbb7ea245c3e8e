import type { ProcessBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { containerAt } from './container-at';
import { placeBeside } from './place-beside';
import { layoutProcess } from './process-layout';
import { sampleProcess } from './sample-process';

describe('layout from DI bounds', () => {
  it('puts every node at its bounds, with its saved size', () => {
    const layout = layoutProcess(sampleProcess());
    expect(layout.get('start')).toEqual({ x: 100, y: 120, width: 36, height: 36 });
    expect(layout.get('approve')).toEqual({ x: 200, y: 98, width: 100, height: 80 });
    expect(layout.get('decide')).toEqual({ x: 360, y: 113, width: 50, height: 50 });
  });

  it("gives a node without a size its type's BPMN size", () => {
    const body = sampleProcess();
    body.nodes[1] = { ...(body.nodes[1] as ProcessBody['nodes'][number]), position: { x: 10, y: 20 } };
    expect(layoutProcess(body).get('approve')).toEqual({ x: 10, y: 20, width: 100, height: 80 });
  });

  it('lays nodes without bounds out below the placed ones, in columns along their flows', () => {
    const body = sampleProcess();
    body.nodes = body.nodes.map((n) =>
      n.id === 'start' || n.id === 'done' ? n : (({ position: _, ...rest }) => rest)(n),
    );
    const layout = layoutProcess(body);
    const placedBottom = 60 + 36;
    const approve = layout.get('approve');
    const decide = layout.get('decide');
    const refused = layout.get('refused');
    expect(approve?.y).toBeGreaterThan(placedBottom);
    expect(decide && approve && decide.x > approve.x).toBe(true);
    expect(refused && decide && refused.x > decide.x).toBe(true);
    expect(layout.get('start')).toEqual({ x: 100, y: 120, width: 36, height: 36 });
  });

  it('places a new node right of the selected one, level with its middle, or on its border for a boundary event', () => {
    const layout = layoutProcess(sampleProcess());
    expect(placeBeside('bpmn.endEvent', layout, 'approve', undefined, false)).toEqual({ x: 370, y: 120 });
    expect(placeBeside('bpmn.boundaryEvent', layout, 'approve', undefined, true)).toEqual({ x: 254, y: 160 });
    expect(placeBeside('bpmn.userTask', layout, null, { x: 300, y: 300 }, false)).toEqual({ x: 250, y: 260 });
    // Nothing selected: right of everything, level with the rightmost node's middle.
    expect(placeBeside('opora.approvalTask', layout, null, undefined, false)).toEqual({ x: 576, y: 38 });
  });

  it('finds the innermost sub-process under a point, for a node dropped into it', () => {
    const body = sampleProcess();
    body.nodes.push(
      { id: 'outer', type: 'bpmn.subProcess', typeVersion: 1, position: { x: 100, y: 300 }, config: {} },
      {
        id: 'inner',
        type: 'bpmn.subProcess',
        typeVersion: 1,
        parent: 'outer',
        position: { x: 120, y: 320, width: 150, height: 100 },
        config: {},
      },
    );
    const layout = layoutProcess(body);
    expect(containerAt(body, layout, { x: 400, y: 450 })).toBe('outer');
    expect(containerAt(body, layout, { x: 150, y: 350 })).toBe('inner');
    expect(containerAt(body, layout, { x: 150, y: 150 })).toBeUndefined();
  });
});
