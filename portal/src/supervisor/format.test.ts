import type { BoardDialog } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { breachAt, clockTime, joinKind, sinceKey } from './format';

const dialog = (over: Partial<BoardDialog>): BoardDialog => ({
  id: 'd',
  clientName: null,
  channel: 'widget',
  handler: 'queue',
  operatorId: null,
  operatorName: null,
  since: '2026-12-03T10:00:00.000Z',
  queuedAt: '2026-12-03T10:00:00.000Z',
  openedAt: '2026-12-03T10:00:00.000Z',
  firstResponseAt: null,
  firstResponseDue: null,
  resolutionDue: null,
  breach: null,
  ...over,
});

describe('board formatting', () => {
  it('shows running times like a clock', () => {
    expect(clockTime(0)).toBe('0:00');
    expect(clockTime(65)).toBe('1:05');
    expect(clockTime(3729)).toBe('1:02:09');
  });

  it('marks a breach the moment a target passes, first response first', () => {
    const d = dialog({
      firstResponseDue: '2026-12-03T10:01:00.000Z',
      resolutionDue: '2026-12-03T10:10:00.000Z',
    });
    expect(breachAt(d, Date.parse('2026-12-03T10:00:59.000Z'))).toBeNull();
    expect(breachAt(d, Date.parse('2026-12-03T10:01:01.000Z'))).toBe('first_response');
    const answered = { ...d, firstResponseDue: null };
    expect(breachAt(answered, Date.parse('2026-12-03T10:05:00.000Z'))).toBeNull();
    expect(breachAt(answered, Date.parse('2026-12-03T10:10:01.000Z'))).toBe('resolution');
    expect(breachAt(dialog({ breach: 'resolution' }), 0)).toBe('resolution');
  });

  it('joins the bot’s dialog by taking it, and writes into one waiting or led by an operator', () => {
    expect(joinKind(dialog({ handler: 'bot' }))).toBe('take');
    expect(joinKind(dialog({ handler: 'queue' }))).toBe('write');
    expect(joinKind(dialog({ handler: 'operator', operatorId: 'o' }))).toBe('write');
    expect(sinceKey(dialog({ handler: 'bot' }))).toBe('supervisor.withBotFor');
    expect(sinceKey(dialog({ handler: 'queue' }))).toBe('supervisor.waitsFor');
    expect(sinceKey(dialog({ handler: 'operator' }))).toBe('supervisor.handledFor');
  });
});
