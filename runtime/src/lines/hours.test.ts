import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkingHours } from '../definitions/line/schema.js';
import { lineOpenAt } from './hours.js';

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));
const moscowOffice: WorkingHours = { timeZone: 'Europe/Moscow', week: weekdays('09:00', '18:00') };
const at = (iso: string) => new Date(iso);

describe('lineOpenAt', () => {
  it('is always open without hours', () => {
    expect(lineOpenAt(undefined, at('2026-12-05T03:00:00Z'))).toEqual({ open: true, resumesAt: null });
  });

  it('reads Moscow office hours on the Moscow clock (UTC+3)', () => {
    // Thursday 3 December 2026.
    expect(lineOpenAt(moscowOffice, at('2026-12-03T06:00:00Z')).open).toBe(true); // 9:00 MSK
    expect(lineOpenAt(moscowOffice, at('2026-12-03T05:59:59Z'))).toEqual({
      open: false,
      resumesAt: at('2026-12-03T06:00:00Z'),
    });
    expect(lineOpenAt(moscowOffice, at('2026-12-03T14:59:59Z')).open).toBe(true);
    // 18:00 is closing time: closed, back tomorrow at 9:00.
    expect(lineOpenAt(moscowOffice, at('2026-12-03T15:00:00Z'))).toEqual({
      open: false,
      resumesAt: at('2026-12-04T06:00:00Z'),
    });
  });

  it('skips the weekend: Friday evening resumes on Monday morning', () => {
    expect(lineOpenAt(moscowOffice, at('2026-12-04T16:00:00Z')).resumesAt).toEqual(
      at('2026-12-07T06:00:00Z'),
    );
    expect(lineOpenAt(moscowOffice, at('2026-12-06T10:00:00Z')).resumesAt).toEqual(
      at('2026-12-07T06:00:00Z'),
    );
  });

  it('reads Vladivostok hours on its clock (UTC+10), a day ahead of UTC in the evening', () => {
    const hours: WorkingHours = { timeZone: 'Asia/Vladivostok', week: weekdays('09:00', '18:00') };
    // Sunday 6 Dec 2026 23:30 UTC is Monday 7 Dec 9:30 in Vladivostok.
    expect(lineOpenAt(hours, at('2026-12-06T23:30:00Z')).open).toBe(true);
    // Friday 4 Dec 08:00 UTC is 18:00 there: closed until Monday 9:00 (Sunday 23:00 UTC).
    expect(lineOpenAt(hours, at('2026-12-04T08:00:00Z')).resumesAt).toEqual(at('2026-12-06T23:00:00Z'));
  });

  it('takes several intervals a day (a lunch break) and 24:00 as the end of the day', () => {
    const hours: WorkingHours = {
      timeZone: 'Europe/Moscow',
      week: [
        { day: 4, from: '09:00', to: '13:00' },
        { day: 4, from: '14:00', to: '24:00' },
      ],
    };
    expect(lineOpenAt(hours, at('2026-12-03T10:30:00Z'))).toEqual({
      open: false,
      resumesAt: at('2026-12-03T11:00:00Z'),
    });
    expect(lineOpenAt(hours, at('2026-12-03T20:59:59Z')).open).toBe(true); // 23:59:59
    // Midnight: Friday has no hours, so the next Thursday 9:00.
    expect(lineOpenAt(hours, at('2026-12-03T21:00:00Z')).resumesAt).toEqual(at('2026-12-10T06:00:00Z'));
  });

  it('runs a night shift written as two intervals either side of midnight', () => {
    const hours: WorkingHours = {
      timeZone: 'Europe/Moscow',
      week: [
        { day: 5, from: '22:00', to: '24:00' },
        { day: 6, from: '00:00', to: '06:00' },
      ],
    };
    expect(lineOpenAt(hours, at('2026-12-04T19:30:00Z')).open).toBe(true); // Fri 22:30
    expect(lineOpenAt(hours, at('2026-12-04T21:00:00Z')).open).toBe(true); // Sat 00:00
    expect(lineOpenAt(hours, at('2026-12-05T02:59:00Z')).open).toBe(true); // Sat 05:59
    expect(lineOpenAt(hours, at('2026-12-05T03:00:00Z')).resumesAt).toEqual(at('2026-12-11T19:00:00Z'));
  });

  it('takes holidays off as whole dates on the line’s clock', () => {
    const hours: WorkingHours = { ...moscowOffice, holidays: ['2026-12-31', '2027-01-04', '2027-01-05'] };
    // 31 Dec 2026 (Thursday) at noon Moscow: a holiday; Friday 1 Jan is a workday here, so back then.
    expect(lineOpenAt(hours, at('2026-12-31T09:00:00Z'))).toEqual({
      open: false,
      resumesAt: at('2027-01-01T06:00:00Z'),
    });
    // 1 Jan 18:00 MSK: weekend, then Mon 4 and Tue 5 off: back Wednesday 6 Jan.
    expect(lineOpenAt(hours, at('2027-01-01T15:00:00Z')).resumesAt).toEqual(at('2027-01-06T06:00:00Z'));
    // A holiday is the Moscow date: 30 Dec 21:30 UTC is already 31 Dec 00:30 in Moscow.
    const allDay: WorkingHours = {
      timeZone: 'Europe/Moscow',
      week: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '00:00', to: '24:00' })),
      holidays: ['2026-12-31'],
    };
    expect(lineOpenAt(allDay, at('2026-12-30T20:59:00Z')).open).toBe(true);
    expect(lineOpenAt(allDay, at('2026-12-30T21:30:00Z'))).toEqual({
      open: false,
      resumesAt: at('2026-12-31T21:00:00Z'),
    });
  });

  it('never opens: null when no interval falls within two weeks', () => {
    expect(lineOpenAt({ timeZone: 'Europe/Moscow', week: [] }, at('2026-12-03T10:00:00Z'))).toEqual({
      open: false,
      resumesAt: null,
    });
    const holidays = Array.from({ length: 20 }, (_, i) => `2026-12-${String(i + 3).padStart(2, '0')}`);
    expect(lineOpenAt({ ...moscowOffice, holidays }, at('2026-12-03T10:00:00Z')).resumesAt).toBeNull();
  });

  describe('across daylight-saving jumps (Europe/Berlin)', () => {
    const berlinNights: WorkingHours = {
      timeZone: 'Europe/Berlin',
      week: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '02:30', to: '04:00' })),
    };
    it('keeps 9:00 local on both sides of the spring jump', () => {
      const hours: WorkingHours = { timeZone: 'Europe/Berlin', week: weekdays('09:00', '17:00') };
      // Friday 27 March 2026 (CET, UTC+1) evening → Monday 30 March (CEST, UTC+2) 9:00 = 07:00 UTC.
      expect(lineOpenAt(hours, at('2026-03-27T17:00:00Z')).resumesAt).toEqual(at('2026-03-30T07:00:00Z'));
      // Friday 23 October (CEST) evening → Monday 26 October (CET) 9:00 = 08:00 UTC.
      expect(lineOpenAt(hours, at('2026-10-23T16:00:00Z')).resumesAt).toEqual(at('2026-10-26T08:00:00Z'));
    });

    it('opens at the jump when the opening time is skipped (29 March 2026, 2:00 → 3:00)', () => {
      expect(lineOpenAt(berlinNights, at('2026-03-28T23:00:00Z')).resumesAt).toEqual(
        at('2026-03-29T01:00:00Z'),
      );
      expect(lineOpenAt(berlinNights, at('2026-03-29T01:00:00Z')).open).toBe(true); // 3:00 CEST
    });

    it('opens at the first of the two 2:30s when clocks go back (25 October 2026)', () => {
      // 2:30 CEST = 00:30 UTC, 2:30 CET = 01:30 UTC.
      expect(lineOpenAt(berlinNights, at('2026-10-24T23:00:00Z')).resumesAt).toEqual(
        at('2026-10-25T00:30:00Z'),
      );
    });
  });

  it('reads an unknown zone as UTC rather than failing (publishing refuses it)', () => {
    const hours: WorkingHours = { timeZone: 'Mars/Olympus', week: weekdays('09:00', '18:00') };
    expect(lineOpenAt(hours, at('2026-12-03T09:00:00Z')).open).toBe(true);
    expect(lineOpenAt(hours, at('2026-12-03T08:59:00Z')).open).toBe(false);
  });

  it('says when it reopens exactly at a moment it is open, and is closed just before', () => {
    const zones = ['Europe/Moscow', 'Asia/Vladivostok', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 22 }),
        (timeZone, ms, days, start) => {
          const hours: WorkingHours = {
            timeZone,
            week: days.map((day) => ({ day, from: `${String(start).padStart(2, '0')}:15`, to: '23:45' })),
          };
          const opening = lineOpenAt(hours, new Date(ms));
          if (opening.open) return;
          expect(opening.resumesAt).not.toBeNull();
          const resumes = opening.resumesAt!.getTime();
          expect(resumes).toBeGreaterThan(ms);
          expect(lineOpenAt(hours, new Date(resumes)).open).toBe(true);
          expect(lineOpenAt(hours, new Date(resumes - 1000)).open).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
