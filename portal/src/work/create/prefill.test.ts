import type { EntityBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { prefillFromQuery } from './prefill';

const entity = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' } },
    { key: 'client', type: 'relation', label: { ru: 'Клиент' }, entity: 'client' },
    { key: 'tags', type: 'relation', label: { ru: 'Метки' }, entity: 'tag', many: true },
    {
      key: 'status',
      type: 'enum',
      label: { ru: 'Статус' },
      options: [{ value: 'new', label: { ru: 'Новое' } }],
    },
    { key: 'amount', type: 'money', label: { ru: 'Сумма' } },
  ],
} as EntityBody;

describe('prefillFromQuery', () => {
  it('starts a record from a link, only with values that can be valid', () => {
    expect(prefillFromQuery(entity, 'client=c1&tags=t1&status=new&amount=5&subject=Счёт&other=1')).toEqual({
      client: 'c1',
      tags: ['t1'],
      status: 'new',
      subject: 'Счёт',
    });
    expect(prefillFromQuery(entity, 'status=bogus')).toEqual({});
  });
});
