import { describe, expect, it } from 'vitest';
import { announcementPhase, fromLocalInput, periodProblems, toLocalInput } from './announcement-time';

describe('announcement times', () => {
  it('round-trips local datetime input values through ISO instants', () => {
    const iso = fromLocalInput('2025-03-09T14:30');
    expect(iso).not.toBeNull();
    expect(new Date(iso!).getHours()).toBe(14);
    expect(toLocalInput(iso)).toBe('2025-03-09T14:30');
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput('garbage')).toBe('');
  });

  it('refuses values that are not local datetimes', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('9 марта')).toBeNull();
    expect(fromLocalInput('2025-03-09')).toBeNull();
  });

  it('tells current, planned and past announcements apart', () => {
    const now = new Date('2025-03-09T12:00:00Z');
    expect(announcementPhase({ startsAt: '2025-03-09T13:00:00Z', endsAt: null }, now)).toBe('planned');
    expect(announcementPhase({ startsAt: '2025-03-09T11:00:00Z', endsAt: null }, now)).toBe('current');
    expect(announcementPhase({ startsAt: '2025-03-09T11:00:00Z', endsAt: '2025-03-09T12:30:00Z' }, now)).toBe(
      'current',
    );
    expect(announcementPhase({ startsAt: '2025-03-08T11:00:00Z', endsAt: '2025-03-09T12:00:00Z' }, now)).toBe(
      'past',
    );
  });

  it('checks that a period has a start and does not end before it', () => {
    expect(periodProblems('', '')).toEqual({ startsAt: 'startsRequired' });
    expect(periodProblems('2025-03-09T14:30', '')).toEqual({});
    expect(periodProblems('2025-03-09T14:30', '2025-03-09T14:30')).toEqual({});
    expect(periodProblems('2025-03-09T14:30', '2025-03-09T14:00')).toEqual({ endsAt: 'endsBeforeStarts' });
    expect(periodProblems('2025-03-09T14:30', 'x')).toEqual({ endsAt: 'endsInvalid' });
  });
});
