import type { EntityBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { requestFields } from './request-fields';

const entity = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' } },
    { key: 'description', type: 'text', label: { ru: 'Описание' } },
    {
      key: 'category',
      type: 'enum',
      label: { ru: 'Категория' },
      options: [{ value: 'payment', label: { ru: 'Оплата', en: 'Payment' } }],
    },
    { key: 'client', type: 'relation', label: { ru: 'Клиент' }, entity: 'client' },
    { key: 'phone', type: 'phone', label: { ru: 'Телефон' } },
  ],
} as unknown as EntityBody;
const ctx = { locale: 'ru', yes: 'Да', no: 'Нет', rows: (n: number) => `${n}`, names: new Map() };

describe('request fields for the client', () => {
  it('labels values from the data type, skipping the heading, links and empty ones', () => {
    const data = { subject: 'Не входит', description: 'Текст', category: 'payment', client: 'c1', phone: '' };
    expect(requestFields(entity, data, ['subject', 'status'], ctx)).toEqual([
      { key: 'description', label: { ru: 'Описание' }, text: 'Текст', long: true },
      { key: 'category', label: { ru: 'Категория' }, text: 'Оплата', long: false },
    ]);
  });
  it('shows nothing without the data type', () => {
    expect(requestFields(null, { subject: 'x' }, [], ctx)).toEqual([]);
  });
});
