import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { dueState, formatDue, overdueText } from './due-text';
import { en, ru } from './i18n';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

const now = new Date('2026-12-04T12:00:00');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
const translate = (lng: string) => {
  const t = i18n.getFixedT(lng);
  return (key: string, options?: Record<string, unknown>) => t(key, options);
};

describe('due dates', () => {
  it('an open task past its due date is overdue by whole days, else by hours', () => {
    expect(dueState(hoursAgo(50), true, now)).toEqual({ kind: 'overdue', days: 2, hours: 50 });
    expect(dueState(hoursAgo(3), true, now)).toEqual({ kind: 'overdue', days: 0, hours: 3 });
  });

  it('a done task is never overdue; no due date is none', () => {
    expect(dueState(hoursAgo(50), false, now).kind).toBe('later');
    expect(dueState(undefined, true, now)).toEqual({ kind: 'none' });
    expect(dueState('not a date', true, now)).toEqual({ kind: 'none' });
  });

  it('due later today reads as today', () => {
    expect(dueState(new Date('2026-12-04T18:00:00').toISOString(), true, now)).toEqual({ kind: 'today' });
    expect(dueState(new Date('2026-12-06T18:00:00').toISOString(), true, now)).toEqual({ kind: 'later' });
  });

  it('says how late in Russian with the right plural, and in English', () => {
    const ruT = translate('ru');
    expect(overdueText(dueState(hoursAgo(49), true, now), ruT)).toBe('Просрочено на 2 дня');
    expect(overdueText(dueState(hoursAgo(24 * 5 + 1), true, now), ruT)).toBe('Просрочено на 5 дней');
    expect(overdueText(dueState(hoursAgo(24 * 21 + 1), true, now), ruT)).toBe('Просрочено на 21 день');
    expect(overdueText(dueState(hoursAgo(3), true, now), ruT)).toBe('Просрочено на 3 часа');
    expect(overdueText(dueState(hoursAgo(0.5), true, now), ruT)).toBe('Просрочено');
    const enT = translate('en');
    expect(overdueText(dueState(hoursAgo(25), true, now), enT)).toBe('Overdue by 1 day');
    expect(overdueText(dueState(hoursAgo(49), true, now), enT)).toBe('Overdue by 2 days');
    expect(overdueText(dueState(undefined, true, now), enT)).toBeNull();
  });

  it('shows the date in the reader’s locale, the time only when it is not midnight', () => {
    const midnight = new Date('2026-12-04T00:00:00').toISOString();
    expect(formatDue(midnight, 'ru')).toBe(
      new Date(midnight).toLocaleDateString('ru', { dateStyle: 'medium' }),
    );
    expect(formatDue(new Date('2026-12-04T15:30:00').toISOString(), 'en')).toContain('3:30');
    expect(formatDue(undefined, 'ru')).toBe('');
  });

  it('has every text in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(ru).sort());
  });
});
