import { describe, expect, it } from 'vitest';
import {
  duplicateAt,
  keyFromLabel,
  move,
  newField,
  readEntity,
  removeField,
  renameKey,
  uniqueKey,
  withRule,
  withType,
} from './entity-draft';

const body = readEntity({
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  titleField: 'subject',
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' }, required: true, maxLength: 300 },
    {
      key: 'channel',
      type: 'enum',
      label: { ru: 'Канал' },
      options: [{ value: 'email', label: { ru: 'Почта' } }],
    },
  ],
  migrate: [{ field: 'subject', set: '—' }],
  custom: 'kept',
});

describe('editing a data type in the fields tab', () => {
  it('suggests keys from Russian labels, unique among the fields', () => {
    expect(keyFromLabel('Канал обращения')).toBe('kanalObrashcheniya');
    expect(keyFromLabel('Щётка №2')).toBe('shchetka2');
    expect(keyFromLabel('123')).toBe('f123');
    expect(uniqueKey('channel', ['channel', 'channel2'])).toBe('channel3');
  });

  it('creates fields of each type with what the schema requires', () => {
    expect(newField('enum', 'Канал обращения', ['subject'], 'Значение 1')).toEqual({
      key: 'kanalObrashcheniya',
      type: 'enum',
      label: { ru: 'Канал обращения' },
      options: [{ value: 'option1', label: { ru: 'Значение 1' } }],
    });
    expect(newField('relation', 'Клиент', [])).toMatchObject({ type: 'relation', entity: '' });
    expect(newField('table', 'Позиции', [])).toMatchObject({ columns: [{ key: 'name', type: 'string' }] });
  });

  it('changes a type keeping what every type has and dropping the rest', () => {
    const changed = withType(body.fields[0]!, 'number', '');
    expect(changed).toEqual({ key: 'subject', type: 'number', label: { ru: 'Тема' }, required: true });
  });

  it('moves, duplicates and removes fields, keeping the rest of the body', () => {
    expect(move(body.fields, 0, 1).map((f) => f.key)).toEqual(['channel', 'subject']);
    expect(move(body.fields, 0, -1).map((f) => f.key)).toEqual(['subject', 'channel']);
    const copied = duplicateAt(body.fields, 0, '(копия)');
    expect(copied.map((f) => f.key)).toEqual(['subject', 'subjectCopy', 'channel']);
    expect(copied[1]!.label.ru).toBe('Тема (копия)');
    const removed = removeField(body, 0);
    expect(removed.fields.map((f) => f.key)).toEqual(['channel']);
    expect(removed.titleField).toBeUndefined();
    expect(removed.custom).toBe('kept');
  });

  it('carries a renamed key into the title field and the migration rules', () => {
    const renamed = renameKey(body, 0, 'topic');
    expect(renamed.titleField).toBe('topic');
    expect(renamed.migrate).toEqual([{ field: 'topic', set: '—' }]);
  });

  it('sets and removes migration rules per field', () => {
    const withDrop = withRule(body, { field: 'old', drop: true }, 'old');
    expect(withDrop.migrate).toHaveLength(2);
    const none = withRule(withRule(withDrop, null, 'old'), null, 'subject');
    expect('migrate' in none).toBe(false);
  });
});
