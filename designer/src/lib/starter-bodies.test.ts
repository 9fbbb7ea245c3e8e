import { definitionKinds, validateDefinitionBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { starterBody } from './starter-bodies';

describe('starterBody', () => {
  const input = {
    name: 'Обращение клиента',
    key: 'obrashchenie-klienta',
    baseUrl: 'https://crm.acme.ru/api',
  };

  it('starts every kind valid', () => {
    for (const kind of definitionKinds)
      expect([kind, validateDefinitionBody(kind, starterBody(kind, input), 'ru')]).toEqual([kind, []]);
  });

  it('labels a new data type with the name typed at creation', () => {
    expect(starterBody('entity', input)).toMatchObject({ label: { ru: 'Обращение клиента' } });
    expect(starterBody('entity')).toMatchObject({ label: { ru: 'Новый тип' } });
  });

  it('gives a new page the address of its key', () => {
    expect(starterBody('page', input)).toMatchObject({ path: '/obrashchenie-klienta' });
  });
});
