import { describe, expect, it } from 'vitest';
import { bulkEligible, bulkSummary, checkedEligible } from './bulk-summary';
import type { Task } from './task-types';

const task = (id: string, over: Partial<Task> = {}): Task => ({
  id,
  instanceId: `i-${id}`,
  processKey: 'contract',
  processName: 'Договор',
  nodeId: 'approve',
  kind: 'approval',
  title: `Задача ${id}`,
  assignee: { kind: 'user', value: 'u1' },
  status: 'open',
  createdAt: '2026-12-01T10:00:00Z',
  overdue: false,
  outcomes: ['approve', 'reject'],
  canDelegate: true,
  bulkApprove: true,
  ...over,
});

describe('bulk approval', () => {
  const tasks = [task('a'), task('b', { bulkApprove: false }), task('c'), task('d', { status: 'completed' })];

  it('offers only open tasks the server marked for bulk approval', () => {
    expect(bulkEligible(tasks).map((t) => t.id)).toEqual(['a', 'c']);
    expect(checkedEligible(new Set(['a', 'b', 'd', 'gone']), tasks)).toEqual(['a']);
  });

  it('sums up done and failed with titles and the server’s reasons', () => {
    const summary = bulkSummary(
      { done: ['a'], failed: [{ id: 'c', code: 'four_eyes', message: 'Автор не может согласовать' }] },
      tasks,
    );
    expect(summary).toEqual({
      done: 1,
      failed: [{ id: 'c', title: 'Задача c', message: 'Автор не может согласовать' }],
      tone: 'warning',
    });
    expect(bulkSummary({ done: ['a', 'c'], failed: [] }, tasks).tone).toBe('success');
    expect(
      bulkSummary({ done: [], failed: [{ id: 'x', code: 'task_closed', message: 'm' }] }, tasks),
    ).toEqual({
      done: 0,
      failed: [{ id: 'x', title: 'x', message: 'm' }],
      tone: 'error',
    });
  });
});
