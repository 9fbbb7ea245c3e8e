import { validateDefinitionBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { starterBody } from '../lib/starter-bodies';
import {
  copyDayToWeekdays,
  intervalsOf,
  moved,
  newRule,
  nextInterval,
  nextRuleId,
  officeHours,
  patched,
  readHours,
  readRules,
} from './line-draft';

describe('line draft helpers', () => {
  it('start a new line valid, and office hours valid', () => {
    const body = starterBody('line', { name: 'Бухгалтерия' }) as Record<string, unknown>;
    expect(validateDefinitionBody('line', body)).toEqual([]);
    expect(validateDefinitionBody('line', { ...body, hours: officeHours() })).toEqual([]);
  });

  it('read a half-typed draft without breaking', () => {
    expect(readRules({ rules: [{ id: 'a' }, 3, null, { keywords: [] }] })).toEqual([{ id: 'a' }]);
    expect(readRules({})).toEqual([]);
    expect(readHours(undefined)).toBeUndefined();
    expect(readHours({ week: [{ day: 2 }, 'x'] })).toEqual({
      timeZone: '',
      week: [
        { day: 2, from: '', to: '' },
        { day: 1, from: '', to: '' },
      ],
    });
  });

  it('give new rules ids that are not taken', () => {
    expect(nextRuleId([])).toBe('r1');
    expect(nextRuleId([{ id: 'r2' }, { id: 'x' }])).toBe('r3');
    expect(nextRuleId([{ id: 'r1' }])).toBe('r2');
    expect(newRule([{ id: 'r1' }, { id: 'r2' }])).toEqual({ id: 'r3', keywords: [] });
  });

  it('move a rule up and down within the list', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('remove a cleared optional setting and keep the rest', () => {
    expect(patched({ a: 1, b: 2 } as Record<string, number>, { b: undefined, c: 3 })).toEqual({ a: 1, c: 3 });
  });

  it('add a day’s next interval after its last one, or office hours on an empty day', () => {
    const hours = { timeZone: 'Europe/Moscow', week: [{ day: 1, from: '09:00', to: '13:00' }] };
    expect(nextInterval(hours, 1)).toEqual({ day: 1, from: '14:00', to: '15:00' });
    expect(nextInterval(hours, 2)).toEqual({ day: 2, from: '09:00', to: '18:00' });
    expect(nextInterval({ ...hours, week: [{ day: 3, from: '20:00', to: '22:00' }] }, 3)).toEqual({
      day: 3,
      from: '23:00',
      to: '24:00',
    });
  });

  it('copy Monday to the other weekdays, leaving the weekend alone', () => {
    const hours = {
      timeZone: 'Europe/Moscow',
      week: [
        { day: 1, from: '09:00', to: '13:00' },
        { day: 1, from: '14:00', to: '18:00' },
        { day: 3, from: '10:00', to: '11:00' },
        { day: 6, from: '10:00', to: '16:00' },
      ],
    };
    const copied = copyDayToWeekdays(hours, 1);
    for (const day of [1, 2, 3, 4, 5] as const)
      expect(intervalsOf(copied, day).map((i) => `${i.interval.from}-${i.interval.to}`)).toEqual([
        '09:00-13:00',
        '14:00-18:00',
      ]);
    expect(intervalsOf(copied, 6).map((i) => i.interval.from)).toEqual(['10:00']);
    expect(validateDefinitionBody('line', { ...(starterBody('line') as object), hours: copied })).toEqual([]);
  });
});
