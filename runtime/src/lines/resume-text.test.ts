import { describe, expect, it } from 'vitest';
import type { LineBody } from '../definitions/line/schema.js';
import { outOfHoursReply, resumePhrase, resumeSentence, zoneLabel } from './resume-text.js';

const at = (iso: string) => new Date(iso);
// Thursday 3 December 2026.
const thursdayEvening = at('2026-12-03T16:00:00Z');

describe('when work resumes, in words', () => {
  it('names today, tomorrow, a weekday within the week, else the date', () => {
    const now = at('2026-12-03T05:00:00Z'); // Thu 8:00 MSK
    expect(resumePhrase(at('2026-12-03T06:00:00Z'), 'Europe/Moscow', now, 'ru')).toBe('сегодня в 9:00 (МСК)');
    expect(resumePhrase(at('2026-12-04T06:30:00Z'), 'Europe/Moscow', now, 'ru')).toBe('завтра в 9:30 (МСК)');
    expect(resumePhrase(at('2026-12-07T06:00:00Z'), 'Europe/Moscow', now, 'ru')).toBe(
      'в понедельник в 9:00 (МСК)',
    );
    expect(resumePhrase(at('2026-12-08T06:00:00Z'), 'Europe/Moscow', now, 'ru')).toBe(
      'во вторник в 9:00 (МСК)',
    );
    expect(resumePhrase(at('2026-12-11T06:00:00Z'), 'Europe/Moscow', now, 'ru')).toBe(
      '11 декабря в 9:00 (МСК)',
    );
    expect(resumePhrase(at('2026-12-07T06:00:00Z'), 'Europe/Moscow', now, 'en')).toBe(
      'on Monday at 9:00 (MSK)',
    );
    expect(resumePhrase(at('2026-12-11T06:00:00Z'), 'Europe/Moscow', now, 'en')).toBe(
      'on 11 December at 9:00 (MSK)',
    );
  });

  it('names Russia’s zones from Moscow and others as Intl does', () => {
    expect(zoneLabel('Asia/Vladivostok', thursdayEvening, 'ru')).toBe('МСК+7');
    expect(zoneLabel('Europe/Kaliningrad', thursdayEvening, 'ru')).toBe('МСК−1');
    expect(zoneLabel('Asia/Vladivostok', thursdayEvening, 'en')).toBe('MSK+7');
    expect(zoneLabel('Europe/Berlin', thursdayEvening, 'en')).toBe('GMT+1');
  });

  it('makes a sentence, or none when the line never reopens', () => {
    expect(resumeSentence(at('2026-12-04T06:00:00Z'), 'Europe/Moscow', thursdayEvening, 'ru')).toBe(
      'Мы вернёмся завтра в 9:00 (МСК).',
    );
    expect(resumeSentence(at('2026-12-04T06:00:00Z'), 'Europe/Moscow', thursdayEvening, 'en')).toBe(
      "We'll be back tomorrow at 9:00 (MSK).",
    );
    expect(resumeSentence(null, 'Europe/Moscow', thursdayEvening, 'ru')).toBeNull();
  });
});

describe('outOfHoursReply', () => {
  const accounting = {
    schemaVersion: 2,
    title: { ru: 'Бухгалтерия' },
    channels: [],
    order: 10,
    rules: [],
    groups: [],
    skills: [],
    priority: 0,
    capacity: 3,
    offerTimeoutSeconds: 60,
    hours: {
      timeZone: 'Europe/Moscow',
      week: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '18:00' })),
    },
    outOfHours: {
      reply: { ru: 'Бухгалтерия сейчас не работает.', en: 'Accounting is closed now.' },
      offerRequest: true,
    },
  } satisfies LineBody;

  it('is null while the line works', () => {
    expect(outOfHoursReply(accounting, at('2026-12-03T10:00:00Z'), 'ru')).toBeNull();
  });

  it('appends when work resumes to the line’s text in the client’s language', () => {
    expect(outOfHoursReply(accounting, at('2026-12-04T16:00:00Z'), 'ru')).toBe(
      'Бухгалтерия сейчас не работает. Мы вернёмся в понедельник в 9:00 (МСК).',
    );
    expect(outOfHoursReply(accounting, at('2026-12-04T16:00:00Z'), 'en')).toBe(
      "Accounting is closed now. We'll be back on Monday at 9:00 (MSK).",
    );
  });

  it('puts the time where the text says {resumesAt}', () => {
    const line = {
      ...accounting,
      outOfHours: { reply: { ru: 'Ответим {resumesAt}. Спасибо!' }, offerRequest: false },
    };
    // No English text: the English client gets the Russian reply whole, not a mix.
    expect(outOfHoursReply(line, thursdayEvening, 'en')).toBe('Ответим завтра в 9:00 (МСК). Спасибо!');
    expect(outOfHoursReply(line, thursdayEvening, 'ru')).toBe('Ответим завтра в 9:00 (МСК). Спасибо!');
  });

  it('has a plain reply when the line has none of its own or never reopens', () => {
    const bare = { ...accounting, outOfHours: undefined };
    expect(outOfHoursReply(bare, thursdayEvening, 'ru')).toBe(
      'Сейчас операторы не работают. Мы вернёмся завтра в 9:00 (МСК).',
    );
    expect(outOfHoursReply(bare, thursdayEvening, 'en')).toBe(
      "Our operators are not working right now. We'll be back tomorrow at 9:00 (MSK).",
    );
    const never = { ...accounting, hours: { timeZone: 'Europe/Moscow', week: [] } };
    expect(outOfHoursReply(never, thursdayEvening, 'ru')).toBe('Бухгалтерия сейчас не работает.');
  });
});
