import { describe, expect, it } from 'vitest';
import { validateDefinitionBody } from '../validate-body.js';
import { migrateRecord, planMigration } from './record-migration.js';
import type { EntityBody, EntityField } from './schema.js';

const label = (ru: string) => ({ ru });
const amount: EntityField = { key: 'amount', type: 'string', label: label('Сумма') };
const channel: EntityField = {
  key: 'channel',
  type: 'enum',
  label: label('Канал'),
  options: [
    { value: 'email', label: label('Почта') },
    { value: 'phone', label: label('Телефон') },
  ],
};
const type = (fields: EntityField[], migrate?: EntityBody['migrate']): EntityBody => ({
  schemaVersion: 1,
  label: label('Обращение'),
  fields,
  ...(migrate ? { migrate } : {}),
});
const prev = type([amount, channel]);
const run = (next: EntityBody, data: Record<string, unknown>) =>
  migrateRecord(planMigration(prev, next), data);

describe('migrating records to a new version of their type', () => {
  it('converts values to the new type and keeps the ones already fine', () => {
    const next = type([{ ...amount, type: 'number' }, channel], [{ field: 'amount', convert: true }]);
    expect(run(next, { amount: '1 500,50' })).toEqual({
      data: { amount: 1500.5 },
      changed: true,
      failures: [],
    });
    expect(run(next, { channel: 'email' })).toEqual({
      data: { channel: 'email' },
      changed: false,
      failures: [],
    });
  });

  it('reports values it cannot convert, unless the rule gives a value to put instead', () => {
    const next = type([{ ...amount, type: 'number' }, channel], [{ field: 'amount', convert: true }]);
    expect(run(next, { amount: 'около ста' }).failures).toEqual([{ field: 'amount', value: 'около ста' }]);
    const withSet = type(
      [{ ...amount, type: 'number' }, channel],
      [{ field: 'amount', convert: true, set: 0 }],
    );
    expect(run(withSet, { amount: 'около ста' })).toMatchObject({ data: { amount: 0 }, failures: [] });
  });

  it('fills a new required field from the rule, or from its default without one', () => {
    const priority: EntityField = { key: 'priority', type: 'number', label: label('П'), required: true };
    const next = type([amount, channel, priority], [{ field: 'priority', set: 3 }]);
    expect(run(next, { amount: '1' }).data).toEqual({ amount: '1', priority: 3 });
    expect(run(type([amount, channel, { ...priority, default: 1 }]), {}).data).toEqual({ priority: 1 });
    // An optional new field is left alone without a rule.
    expect(planMigration(prev, type([amount, channel, { ...priority, required: false }])).steps).toEqual([]);
  });

  it('replaces removed options as mapped, and only removed ones', () => {
    const next = type(
      [amount, { ...channel, options: channel.options.slice(0, 1) }],
      [{ field: 'channel', map: { phone: 'email', email: 'phone' } }],
    );
    expect(planMigration(prev, next).steps[0]?.map).toEqual({ phone: 'email' });
    expect(run(next, { channel: 'phone' }).data).toEqual({ channel: 'email' });
    expect(run(next, { channel: 'email' }).changed).toBe(false);
  });

  it('removes a removed field’s key where it holds nothing, and its values only with drop', () => {
    const next = type([channel]);
    expect(run(next, { amount: null, channel: 'email' })).toMatchObject({
      data: { channel: 'email' },
      changed: true,
    });
    expect(run(next, { amount: '5' })).toMatchObject({ data: { amount: '5' }, changed: false });
    expect(run(type([channel], [{ field: 'amount', drop: true }]), { amount: '5' }).data).toEqual({});
  });

  it('does nothing on a second publish of the same body (rules act on the change they cover)', () => {
    const next = type(
      [{ ...amount, type: 'number', required: true }, channel],
      [{ field: 'amount', convert: true, set: 0 }],
    );
    expect(planMigration(prev, next).steps).toHaveLength(1);
    expect(planMigration(next, next)).toEqual({ steps: [], everyRecord: false });
  });

  it('checks rules with the body: known fields, map targets among the options, set values that fit', () => {
    const problems = validateDefinitionBody(
      'entity',
      type(
        [amount, channel],
        [
          { field: 'missing', convert: true },
          { field: 'channel', map: { sms: 'telegram' } },
          { field: 'amount', drop: true },
        ],
      ),
      'en',
    );
    expect(problems.map((p) => p.pointer)).toEqual([
      '/migrate/0/field',
      '/migrate/1/map/sms',
      '/migrate/2/drop',
    ]);
    const badSet = validateDefinitionBody(
      'entity',
      type([{ ...amount, type: 'number' }, channel], [{ field: 'amount', set: 'много' }]),
      'ru',
    );
    expect(badSet.map((p) => p.pointer)).toEqual(['/migrate/0/set']);
  });
});
