import { describe, expect, it } from 'vitest';
import { sampleProcess } from '../sample-process';
import { instanceTrace } from './instance-trace';

describe('an instance on the canvas', () => {
  it('marks where tokens stand, the nodes passed and the flows taken', () => {
    const trace = instanceTrace(
      {
        tokens: [{ id: 't1', nodeId: 'approve' }],
        history: [
          {
            nodeId: 'start',
            tokenId: 't1',
            enteredAt: '2026-12-01T10:00:00Z',
            leftAt: '2026-12-01T10:00:00Z',
          },
          { nodeId: 'approve', tokenId: 't1', enteredAt: '2026-12-01T10:00:00Z' },
        ],
      },
      sampleProcess().flows,
    );
    expect([...trace.tokens]).toEqual(['approve']);
    expect([...trace.visited].sort()).toEqual(['approve', 'start']);
    expect([...trace.flows]).toEqual(['f1']);
  });

  it('takes only the branch the gateway chose', () => {
    const trace = instanceTrace(
      {
        tokens: [],
        history: [
          {
            nodeId: 'start',
            tokenId: 't1',
            enteredAt: '2026-12-01T10:00:00Z',
            leftAt: '2026-12-01T10:00:00Z',
          },
          {
            nodeId: 'approve',
            tokenId: 't1',
            enteredAt: '2026-12-01T10:00:00Z',
            leftAt: '2026-12-02T09:00:00Z',
            outcome: 'approved',
          },
          {
            nodeId: 'decide',
            tokenId: 't1',
            enteredAt: '2026-12-02T09:00:00Z',
            leftAt: '2026-12-02T09:00:00Z',
          },
          {
            nodeId: 'done',
            tokenId: 't1',
            enteredAt: '2026-12-02T09:00:00Z',
            leftAt: '2026-12-02T09:00:00Z',
          },
        ],
      },
      sampleProcess().flows,
    );
    expect([...trace.flows].sort()).toEqual(['f1', 'f2', 'f3']);
    expect(trace.visited.has('refused')).toBe(false);
  });
});
