import type { EntityBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { fieldCandidates, fieldOptionTexts, guessAccount } from './account-mapping';

const label = (ru: string) => ({ ru });
const request: EntityBody = {
  schemaVersion: 1,
  label: label('Обращение'),
  fields: [
    { key: 'subject', type: 'string', label: label('Тема') },
    {
      key: 'priority',
      type: 'enum',
      label: label('Приоритет'),
      options: [{ value: 'low', label: label('Низкий') }],
    },
    {
      key: 'status',
      type: 'enum',
      label: label('Статус'),
      options: [{ value: 'new', label: label('Новое') }],
      transitions: { new: [] },
    },
    { key: 'company', type: 'relation', entity: 'company', label: label('Компания') },
    { key: 'client', type: 'relation', entity: 'client', label: label('Клиент') },
  ],
};
const client: EntityBody = {
  schemaVersion: 1,
  label: label('Клиент'),
  fields: [
    { key: 'fullName', type: 'string', label: label('ФИО') },
    { key: 'email', type: 'email', label: label('Почта') },
  ],
};

describe('account mapping', () => {
  it('offers the likeliest fields first', () => {
    expect(fieldCandidates(request, 'requestClient', 'client').map((f) => f.key)).toEqual([
      'client',
      'company',
    ]);
    expect(fieldCandidates(request, 'requestStatus').map((f) => f.key)).toEqual(['status', 'priority']);
    expect(fieldCandidates(client, 'clientEmail').map((f) => f.key)).toEqual(['email', 'fullName']);
    expect(fieldCandidates(undefined, 'clientName')).toEqual([]);
  });

  it('guesses the template’s mapping', () => {
    expect(
      guessAccount([
        { key: 'request', body: request },
        { key: 'client', body: client },
      ]),
    ).toEqual({
      requests: 'request',
      requestClient: 'client',
      requestStatus: 'status',
      clients: 'client',
      clientName: 'fullName',
      clientEmail: 'email',
    });
  });

  it('gives up without a type to hold requests', () => {
    expect(guessAccount([{ key: 'client', body: client }])).toBeNull();
  });

  it('names fields by their label in the UI language, with the key only to tell equal labels apart', () => {
    const fields = [
      { key: 'fullName', type: 'string', label: { ru: 'ФИО', en: 'Full name' } },
      { key: 'email', type: 'email', label: { ru: 'Почта' } },
      { key: 'email2', type: 'email', label: { ru: 'Почта' } },
    ] as const;
    expect([...fieldOptionTexts(fields, 'ru').values()]).toEqual(['ФИО', 'Почта (email)', 'Почта (email2)']);
    expect(fieldOptionTexts(fields, 'en').get('fullName')).toBe('Full name');
    expect(fieldOptionTexts(fields, 'en').get('email')).toBe('Почта (email)');
  });
});
