import { describe, expect, it } from 'vitest';
import { dueMark, inDueOrder, requestLinkOf, taskNoticesKey } from './my-task-view';
import type { MyTask } from './my-tasks-api';

const task = (over: Partial<MyTask>): MyTask => ({
  id: 't',
  title: 'Уточните данные',
  processName: 'Процесс',
  kind: 'user',
  status: 'open',
  createdAt: '2026-12-01T10:00:00Z',
  overdue: false,
  ...over,
});

describe('«Мои задачи» view logic', () => {
  it('marks late open tasks overdue, and nothing without a due date', () => {
    expect(dueMark(task({}))).toEqual({ kind: 'none' });
    expect(dueMark(task({ dueAt: 'nonsense' }))).toEqual({ kind: 'none' });
    expect(dueMark(task({ dueAt: '2026-12-02T10:00:00Z' }))).toEqual({
      kind: 'due',
      at: '2026-12-02T10:00:00Z',
    });
    expect(dueMark(task({ dueAt: '2026-12-02T10:00:00Z', overdue: true }))).toEqual({
      kind: 'overdue',
      at: '2026-12-02T10:00:00Z',
    });
    expect(dueMark(task({ dueAt: '2026-12-02T10:00:00Z', overdue: true, status: 'completed' })).kind).toBe(
      'due',
    );
  });

  it('puts late tasks first, then the soonest due, undated last', () => {
    const order = inDueOrder([
      task({ id: 'undated' }),
      task({ id: 'later', dueAt: '2026-12-09T00:00:00Z' }),
      task({ id: 'late', dueAt: '2026-12-01T00:00:00Z', overdue: true }),
      task({ id: 'soon', dueAt: '2026-12-05T00:00:00Z' }),
    ]).map((t) => t.id);
    expect(order).toEqual(['late', 'soon', 'later', 'undated']);
  });

  it('links only to a request of the client’s own', () => {
    expect(requestLinkOf(task({ record: { entity: 'request', id: 'r1', title: 'Счёт' } }))).toBeNull();
    expect(
      requestLinkOf({
        ...task({ record: { entity: 'request', id: 'r/1', title: 'Счёт' } }),
        requestId: 'r/1',
      }),
    ).toEqual({ to: '/account/requests/r%2F1', title: 'Счёт' });
  });

  it('changes its reload key only for notifications about tasks', () => {
    const told = [
      { id: 'n1', link: '/account/tasks/t1' },
      { id: 'n2', link: '/account/requests/r1' },
      { id: 'n3', link: null },
    ];
    expect(taskNoticesKey(told)).toBe('n1');
    expect(taskNoticesKey([{ id: 'n4', link: '/account/requests/r2' }, ...told])).toBe('n1');
    expect(taskNoticesKey([{ id: 'n5', link: '/account/tasks/t2' }, ...told])).toBe('n5,n1');
  });
});
