import { describe, expect, it } from 'vitest';
import { validateDefinitionBody } from '../validate-body.js';
import type { LineBody } from './schema.js';

const base: LineBody = {
  schemaVersion: 2,
  title: { ru: 'Бухгалтерия', en: 'Accounting' },
  channels: [],
  order: 10,
  rules: [{ id: 'money', keywords: ['счёт', 'возврат денег'] }],
  groups: ['accounting'],
  skills: [],
  priority: 10,
  capacity: 3,
  offerTimeoutSeconds: 60,
  hours: {
    timeZone: 'Europe/Moscow',
    week: [
      { day: 1, from: '09:00', to: '13:00' },
      { day: 1, from: '14:00', to: '18:00' },
      { day: 5, from: '22:00', to: '24:00' },
      { day: 6, from: '00:00', to: '06:00' },
    ],
    holidays: ['2027-01-01'],
  },
  outOfHours: { reply: { ru: 'Мы отдыхаем.' }, offerRequest: true },
};
const problems = (patch: Partial<LineBody>, locale: 'ru' | 'en' = 'ru') =>
  validateDefinitionBody('line', { ...base, ...patch }, locale);
const hours = (week: NonNullable<LineBody['hours']>['week'], timeZone = 'Europe/Moscow') => ({
  hours: { timeZone, week },
});

describe('line problems', () => {
  it('accept a line with a lunch break, a night shift across midnight and holidays', () => {
    expect(problems({})).toEqual([]);
  });

  it('refuse an interval that ends before or when it starts, pointing at its end', () => {
    const found = problems(hours([{ day: 2, from: '18:00', to: '09:00' }]));
    expect(found).toEqual([expect.objectContaining({ pointer: '/hours/week/0/to', code: 'interval_order' })]);
    expect(found[0]!.message).toContain('двумя интервалами');
    expect(problems(hours([{ day: 2, from: '09:00', to: '09:00' }]))).toHaveLength(1);
  });

  it('refuse overlapping intervals on one day, not on different days or touching ones', () => {
    expect(
      problems(
        hours([
          { day: 3, from: '09:00', to: '13:00' },
          { day: 3, from: '12:00', to: '18:00' },
          { day: 4, from: '12:00', to: '18:00' },
          { day: 3, from: '18:00', to: '20:00' },
        ]),
        'en',
      ),
    ).toEqual([
      {
        pointer: '/hours/week/1',
        code: 'interval_overlap',
        message: 'Interval 12:00–18:00 on Wednesday overlaps 09:00–13:00',
      },
    ]);
  });

  it('refuse a time zone Intl does not know', () => {
    expect(problems(hours([], 'Europe/Atlantis'))).toEqual([
      expect.objectContaining({ pointer: '/hours/timeZone', code: 'time_zone' }),
    ]);
  });

  it('refuse times the schema cannot read (25:00, 24:30)', () => {
    expect(problems(hours([{ day: 1, from: '09:00', to: '25:00' }]))).not.toEqual([]);
    expect(problems(hours([{ day: 1, from: '09:00', to: '24:30' }]))).not.toEqual([]);
    expect(problems(hours([{ day: 8, from: '09:00', to: '10:00' }]))).not.toEqual([]);
  });

  it('refuse a pattern RE2 cannot compile, with RE2’s reason', () => {
    const found = problems({ rules: [{ id: 'r', pattern: '(\\d+)\\1' }] });
    expect(found).toEqual([expect.objectContaining({ pointer: '/rules/0/pattern', code: 'pattern' })]);
    expect(found[0]!.message).toMatch(/обратные ссылки/);
    expect(problems({ rules: [{ id: 'r', pattern: '(?i)заказ\\s*\\d{6}' }] })).toEqual([]);
  });

  it('refuse repeated rule ids, keywords without words and rule channels the line does not take', () => {
    expect(
      problems({
        channels: ['site-chat'],
        rules: [
          { id: 'a', keywords: ['оплата', '???'] },
          { id: 'a', channels: ['site-chat', 'telegram'] },
        ],
      }).map((p) => [p.pointer, p.code]),
    ).toEqual([
      ['/rules/0/keywords/1', 'keyword'],
      ['/rules/1/id', 'duplicate'],
      ['/rules/1/channels/1', 'channel_not_on_line'],
    ]);
  });

  it('refuse an out-of-hours reply on a line without hours', () => {
    expect(problems({ hours: undefined })).toEqual([
      expect.objectContaining({ pointer: '/outOfHours', code: 'out_of_hours_without_hours' }),
    ]);
  });

  it('refuse capacity 0 or 7 and an offer timeout under 10 seconds', () => {
    expect(problems({ capacity: 0 })).not.toEqual([]);
    expect(problems({ capacity: 7 })).not.toEqual([]);
    expect(problems({ offerTimeoutSeconds: 5 })).not.toEqual([]);
  });
});

describe('a line’s bot', () => {
  it('is required on a bot-only line', () => {
    expect(problems({ botOnly: true }).map((p) => p.code)).toContain('bot_only_without_bot');
    expect(problems({ botOnly: true, bot: 'greeter' })).toEqual([]);
    expect(problems({ bot: 'greeter' })).toEqual([]);
  });
});
