import { breakingChanges, type EntityBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { readEntity } from './entity-draft';
import { removedOptions, withFix } from './migration-fixes';

const published: EntityBody = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  fields: [
    { key: 'amount', type: 'string', label: { ru: 'Сумма' } },
    {
      key: 'channel',
      type: 'enum',
      label: { ru: 'Канал' },
      options: [
        { value: 'email', label: { ru: 'Почта' } },
        { value: 'fax', label: { ru: 'Факс' } },
      ],
    },
    { key: 'old', type: 'string', label: { ru: 'Старое' } },
  ],
};

describe('adding the migration rule a change asks for', () => {
  const draft = readEntity({
    ...published,
    fields: [
      { key: 'amount', type: 'number', label: { ru: 'Сумма' }, required: true },
      { ...published.fields[1], options: [{ value: 'email', label: { ru: 'Почта' } }] },
      {
        key: 'priority',
        type: 'enum',
        label: { ru: 'Приоритет' },
        required: true,
        options: [{ value: 'low', label: { ru: 'Низкий' } }],
      },
    ],
  });

  it('covers every change it has a fix for, leaving the body valid to publish', () => {
    let body = draft;
    for (const change of breakingChanges(published, draft)) body = withFix(body, change);
    expect(body.migrate).toEqual([
      { field: 'amount', convert: true, set: 0 },
      { field: 'channel', map: { fax: 'email' } },
      { field: 'priority', set: 'low' },
      { field: 'old', drop: true },
    ]);
    expect(breakingChanges(published, body).filter((c) => !c.covered)).toEqual([]);
  });

  it('lists the published options a map rule answers for', () => {
    expect(removedOptions(published, draft.fields[1], 'channel')).toEqual(['fax']);
  });
});
