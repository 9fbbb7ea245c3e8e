import { CronExpressionParser } from 'cron-parser';

/** The next time a cron expression fires after `from`, in the schedule's time zone; throws a readable error when invalid. */
export function nextCronRun(cron: string, from: Date, timezone: string): Date {
  try {
    return CronExpressionParser.parse(cron, { currentDate: from, tz: timezone }).next().toDate();
  } catch (error) {
    throw new Error(`invalid cron expression "${cron}": ${(error as Error).message}`);
  }
}
