import { beforeEach, describe, expect, it } from 'vitest';
import type { Task } from './task-types';
import { moveSelection, selectTask, setChecked, tasksStore, toggleChecked } from './tasks-store';

const row = (id: string): Task => ({
  id,
  instanceId: 'i',
  processKey: 'p',
  processName: 'P',
  nodeId: 'n',
  kind: 'approval',
  title: id,
  assignee: { kind: 'role', value: 'operator' },
  status: 'open',
  createdAt: '2026-12-01T00:00:00Z',
  overdue: false,
  outcomes: ['approve'],
  canDelegate: false,
  bulkApprove: true,
});

describe('inbox selection', () => {
  beforeEach(() => {
    tasksStore.set((s) => ({ ...s, items: ['a', 'b', 'c'].map(row), selected: null, checked: new Set() }));
  });

  it('moves down and up within the rows, starting at the first', () => {
    expect(moveSelection(1)).toBe('a');
    expect(moveSelection(1)).toBe('b');
    expect(moveSelection(1)).toBe('c');
    expect(moveSelection(1)).toBe('c');
    expect(moveSelection(-1)).toBe('b');
    selectTask('gone');
    expect(moveSelection(-1)).toBe('a');
  });

  it('ticks and unticks rows for bulk approval', () => {
    toggleChecked('a');
    toggleChecked('b');
    toggleChecked('a');
    expect([...tasksStore.get().checked]).toEqual(['b']);
    setChecked([]);
    expect(tasksStore.get().checked.size).toBe(0);
  });
});
