import type { EntityBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-changes';

const entity = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' } },
    { key: 'status', type: 'string', label: { ru: 'Статус' } },
    { key: 'tags', type: 'string', label: { ru: 'Теги' } },
  ],
} as EntityBody;

describe('auditChanges', () => {
  it('lists the fields an entry changed, in the type’s order, treating missing and null alike', () => {
    const changes = auditChanges(
      entity,
      { status: 'new', subject: 'A', tags: null, removed: 1 },
      { subject: 'B', status: 'work', removed: 2 },
    );
    expect(changes.map((c) => [c.field.key, c.before, c.after])).toEqual([
      ['subject', 'A', 'B'],
      ['status', 'new', 'work'],
    ]);
  });

  it('shows everything a creation set', () => {
    expect(auditChanges(entity, null, { subject: 'A' }).map((c) => c.field.key)).toEqual(['subject']);
  });
});
