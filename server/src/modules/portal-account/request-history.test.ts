import type { EntityBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { type AuditRow, requestHistory, statusOf } from './request-history.js';

const body = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема', en: 'Subject' } },
    {
      key: 'status',
      type: 'enum',
      label: { ru: 'Статус' },
      options: [
        { value: 'new', label: { ru: 'Новое', en: 'New' }, color: '#2563eb' },
        { value: 'done', label: { ru: 'Решено', en: 'Done' } },
      ],
    },
    { key: 'notes', type: 'text', label: { ru: 'Заметки' } },
  ],
} as EntityBody;
const account = {
  requests: 'request',
  requestClient: 'client',
  requestStatus: 'status',
  clients: 'client',
  clientName: 'fullName',
  clientEmail: 'email',
};
const row = (
  action: string,
  actor: string | null,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): AuditRow => ({
  at: '2026-12-01T10:00:00.000Z',
  actor_id: actor,
  actor_name: actor ? `name of ${actor}` : null,
  action,
  before: before && JSON.stringify(before),
  after,
});

describe('requestHistory', () => {
  it('names staff, hides the client behind null and the system behind its label', () => {
    const history = requestHistory(
      [
        row('create', 'client-1', null, { subject: 'A', status: 'new' }),
        row('update', 'op-1', { subject: 'A', status: 'new' }, { subject: 'B', status: 'done', gone: 1 }),
        row('update', null, { subject: 'B', notes: 'x' }, { subject: 'B', notes: 'y' }),
      ],
      body,
      account,
      'client-1',
      'Служба поддержки',
    );
    expect(history).toEqual([
      {
        at: '2026-12-01T10:00:00.000Z',
        by: null,
        action: 'create',
        status: { from: null, to: { ru: 'Новое', en: 'New' } },
        fields: [],
      },
      {
        at: '2026-12-01T10:00:00.000Z',
        by: 'name of op-1',
        action: 'update',
        status: { from: { ru: 'Новое', en: 'New' }, to: { ru: 'Решено', en: 'Done' } },
        fields: [{ ru: 'Тема', en: 'Subject' }],
      },
      {
        at: '2026-12-01T10:00:00.000Z',
        by: 'Служба поддержки',
        action: 'update',
        status: null,
        fields: [{ ru: 'Заметки' }],
      },
    ]);
  });

  it('leaves out saves that changed nothing it can name, and deletions', () => {
    const history = requestHistory(
      [
        row('update', 'op-1', { subject: 'A', gone: 1 }, { subject: 'A', gone: 2 }),
        row('delete', 'op-1', {}, {}),
      ],
      body,
      account,
      'client-1',
      'system',
    );
    expect(history).toEqual([]);
  });
});

describe('statusOf', () => {
  it('labels a known value and keeps an unknown one readable', () => {
    expect(statusOf(body, 'status', 'new')).toEqual({
      value: 'new',
      label: { ru: 'Новое', en: 'New' },
      color: '#2563eb',
    });
    expect(statusOf(body, 'status', 'lost')).toEqual({ value: 'lost', label: { ru: 'lost' }, color: null });
    expect(statusOf(body, 'status', undefined)).toBeNull();
  });
});
