import { describe, expect, it } from 'vitest';
import { announcementPeriod } from './period';

const now = new Date('2024-12-01T09:00:00Z');
const utc = (a: { startsAt: string; endsAt: string | null }, locale = 'ru') =>
  announcementPeriod(a, now, locale, 'UTC');

describe('announcement period', () => {
  it('says until when an active announcement ends', () => {
    expect(utc({ startsAt: '2024-11-30T10:00:00Z', endsAt: '2024-12-02T18:00:00Z' })).toEqual({
      key: 'until',
      time: '18:00',
      date: '2 декабря',
    });
  });
  it('says «today» for the same day', () => {
    expect(utc({ startsAt: '2024-12-01T08:00:00Z', endsAt: '2024-12-01T18:00:00Z' })).toEqual({
      key: 'untilToday',
      time: '18:00',
    });
  });
  it('says from when it has not started yet, with the year when it is another one', () => {
    expect(utc({ startsAt: '2025-01-10T06:30:00Z', endsAt: null })).toEqual({
      key: 'from',
      time: '06:30',
      date: '10 января 2025 г.',
    });
  });
  it('has no period for an open-ended announcement already running', () => {
    expect(utc({ startsAt: '2024-11-30T10:00:00Z', endsAt: null })).toBeNull();
  });
  it('speaks English too', () => {
    expect(utc({ startsAt: '2024-11-30T10:00:00Z', endsAt: '2024-12-02T18:00:00Z' }, 'en')).toMatchObject({
      date: 'December 2',
    });
  });
});
