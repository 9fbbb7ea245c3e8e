import { describe, expect, it } from 'vitest';
import { isoDurationSeconds, secondsToIsoDuration, timeCycleToCron } from './timers.js';

describe('BPMN timers in the engine terms', () => {
  it.each([
    ['PT30S', 30],
    ['PT1H30M', 5400],
    ['P1D', 86_400],
    ['P1DT2H', 93_600],
    ['P2W', 1_209_600],
    ['P1M', 2_592_000],
    ['P1Y', 31_536_000],
    ['PT0.5S', 1],
  ])('reads the duration %s as %i seconds', (text, seconds) => {
    expect(isoDurationSeconds(text)).toBe(seconds);
  });

  it.each(['', 'P', 'PT', '1H', 'PT1X', '#{duration}'])('refuses %j as a duration', (text) => {
    expect(isoDurationSeconds(text)).toBeUndefined();
  });

  it('writes seconds as the shortest duration and reads it back', () => {
    for (const seconds of [0, 1, 59, 60, 3600, 5400, 86_400, 93_784])
      expect(isoDurationSeconds(secondsToIsoDuration(seconds))).toBe(seconds);
    expect(secondsToIsoDuration(93_784)).toBe('P1DT2H3M4S');
  });

  it.each([
    ['0 9 * * 1', '0 9 * * 1'],
    ['0 0 9 * * ?', '0 0 9 * * ?'],
    ['R/PT1M', '* * * * *'],
    ['R/PT15M', '*/15 * * * *'],
    ['R/PT1H', '0 * * * *'],
    ['R/PT6H', '0 */6 * * *'],
    ['R/P1D', '0 0 * * *'],
    ['R/2027-01-01T09:30:00Z/P1D', '30 9 * * *'],
    ['R/P1W', '0 0 * * 1'],
  ])('turns the cycle %s into cron %s', (cycle, cron) => {
    expect(timeCycleToCron(cycle)).toBe(cron);
  });

  it.each(['R5/PT1H', 'R/PT7M', 'R/PT5H', 'R/2027-01-01T01:00:00Z/PT2H', 'R/P3D', 'every day'])(
    'keeps the cycle %s, which cron cannot say',
    (cycle) => {
      expect(timeCycleToCron(cycle)).toBeUndefined();
    },
  );
});
