import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { assignedPeople, assigneeText } from './assignee-text';
import type { Task } from './task-types';
import './i18n';

const task = (assignee: Task['assignee'], claimedBy?: Task['claimedBy']): Task => ({
  id: 't',
  instanceId: 'i',
  processKey: 'p',
  processName: 'P',
  nodeId: 'n',
  kind: 'user',
  title: 'T',
  assignee,
  ...(claimedBy ? { claimedBy } : {}),
  status: 'open',
  createdAt: '2026-12-01T00:00:00Z',
  overdue: false,
  outcomes: [],
  canDelegate: false,
  bulkApprove: false,
});

describe('who a task waits on', () => {
  const t = (key: string, options?: Record<string, unknown>) => i18n.getFixedT('ru')(key, options);
  const names = new Map([['u1', 'Ирина Котова']]);

  it('names the claimer first, then the person, the role or the line', () => {
    expect(
      assigneeText(task({ kind: 'role', value: 'operator' }, { id: 'u2', name: 'Олег' }), names, t),
    ).toBe('Олег');
    expect(assigneeText(task({ kind: 'user', value: 'u1' }), names, t)).toBe('Ирина Котова');
    expect(assigneeText(task({ kind: 'user', value: 'u9' }), names, t)).toBe('Сотрудник');
    expect(assigneeText(task({ kind: 'role', value: 'operator' }), names, t)).toBe('Роль: оператор');
    expect(assigneeText(task({ kind: 'role', value: 'lawyers' }), names, t)).toBe('Роль: lawyers');
    expect(assigneeText(task({ kind: 'line', value: 'first-line' }), names, t)).toBe('Линия: first-line');
  });

  it('looks up only people named directly', () => {
    expect([
      ...assignedPeople([task({ kind: 'user', value: 'u1' }), task({ kind: 'role', value: 'x' })]),
    ]).toEqual(['u1']);
  });
});
