import type { Walk } from '../../walk.js';

/** When a timer event fires, as the scheduleTimer effect says it: a time, or a date or cron the server reads. */
export function timerAt(
  walk: Walk,
  config: { durationSeconds?: number; timeDate?: string; cron?: string },
): { at?: number; timeDate?: string; cron?: string } {
  if (config.durationSeconds !== undefined) return { at: walk.clock.now() + config.durationSeconds * 1000 };
  if (config.timeDate) {
    const at = Date.parse(config.timeDate);
    return Number.isNaN(at) ? { timeDate: config.timeDate } : { at };
  }
  return config.cron ? { cron: config.cron } : { at: walk.clock.now() };
}
