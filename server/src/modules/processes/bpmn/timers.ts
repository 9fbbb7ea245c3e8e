/** BPMN timer values (ISO 8601) in the engine's terms: seconds, a date, or a cron line. */

const durationPattern =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds in each unit of the pattern's groups; a year is 365 days and a month 30, as timers mean it. */
const unitSeconds = [365 * 86_400, 30 * 86_400, 7 * 86_400, 86_400, 3600, 60, 1];

/** `PT1H30M` → 5400; undefined when the text is no ISO 8601 duration. */
export function isoDurationSeconds(text: string): number | undefined {
  const value = text.trim();
  const match = durationPattern.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return undefined;
  let seconds = 0;
  unitSeconds.forEach((unit, i) => {
    const amount = match[i + 1];
    if (amount) seconds += Number(amount) * unit;
  });
  return Math.round(seconds);
}

/** 5400 → `PT1H30M`: the shortest duration an exported timer can carry. */
export function secondsToIsoDuration(total: number): string {
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

const cronPattern = /^\S+(\s+\S+){4,5}$/;
const startPattern = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})/;

/**
 * A `timeCycle` as cron when cron can say it: a cron line as is, or `R/[start/]duration` whose period divides
 * an hour, a day or is a week (a start fixes the minute and hour). Undefined otherwise (`R5/…` counts, odd
 * periods), and the caller keeps the element instead.
 */
export function timeCycleToCron(text: string): string | undefined {
  const value = text.trim();
  if (!value.startsWith('R') && cronPattern.test(value)) return value;
  const parts = value.split('/');
  if (parts[0] !== 'R' || parts.length < 2 || parts.length > 3) return undefined;
  const period = isoDurationSeconds(parts[parts.length - 1] ?? '');
  const start = parts.length === 3 ? startPattern.exec(parts[1] ?? '') : null;
  if (parts.length === 3 && !start) return undefined;
  const minute = start ? Number(start[2]) : 0;
  const hour = start ? Number(start[1]) : 0;
  if (!period) return undefined;
  if (period < 3600 && period % 60 === 0 && 3600 % period === 0) {
    return start ? undefined : period === 60 ? '* * * * *' : `*/${period / 60} * * * *`;
  }
  if (period === 3600) return `${minute} * * * *`;
  if (period < 86_400 && period % 3600 === 0 && 86_400 % period === 0 && hour % (period / 3600) === 0)
    return `${minute} */${period / 3600} * * *`;
  if (period === 86_400) return `${minute} ${hour} * * *`;
  if (period === 7 * 86_400 && !start) return `0 0 * * 1`;
  return undefined;
}
