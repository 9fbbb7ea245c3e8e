import type { EntityBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { assigneeField, queueFilter } from './use-request-list';

const withFields = (fields: object[]) =>
  ({ schemaVersion: 1, label: { ru: 'Обращение' }, fields }) as EntityBody;
const user = (key: string, multiple = false) => ({ key, type: 'user', label: { ru: key }, multiple });

describe('the operator queues', () => {
  it("find who handles a request in the type's assignee field, or its only single-user field", () => {
    expect(assigneeField(withFields([user('watchers', true), user('assignee'), user('author')]))).toBe(
      'assignee',
    );
    expect(assigneeField(withFields([user('watchers', true), user('owner')]))).toBe('owner');
    expect(assigneeField(withFields([user('owner'), user('author')]))).toBeNull();
    expect(assigneeField(withFields([{ key: 'subject', type: 'string', label: { ru: 'Тема' } }]))).toBeNull();
  });

  it('list «На команде» as the open requests nobody has taken, «На мне» as those assigned to me', () => {
    const mine = { field: 'assignee', userId: 'u1' };
    expect(queueFilter('team', '', mine)).toEqual([
      'status:in:new|in_progress|waiting',
      'assignee:empty:true',
    ]);
    expect(queueFilter('team', '', null)).toEqual(['status:in:new|in_progress|waiting']);
    expect(queueFilter('mine', '', mine)).toEqual(['status:in:new|in_progress|waiting', 'assignee:eq:u1']);
    expect(queueFilter('mine', 'resolved', mine)).toEqual(['status:eq:resolved', 'assignee:eq:u1']);
    expect(queueFilter('mine', '', null)).toBeNull();
  });
});
