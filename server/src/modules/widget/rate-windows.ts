import { AppError } from '../../http/app-error.js';

/**
 * Fixed-window counters per key, in this process's memory (as the platform's route limits are): enough to stop one
 * visitor or one address from flooding the contact centre. Old windows are dropped as keys are counted, so memory
 * stays bounded by the keys seen in one window.
 */
export class RateWindows {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts one use of `key`; refuses with a 429 (how many seconds to wait, in the caller's language) past max. */
  take(key: string): void {
    const now = this.now();
    this.sweep(now);
    const current = this.counts.get(key);
    if (!current || now - current.windowStart >= this.windowMs) {
      this.counts.set(key, { windowStart: now, count: 1 });
      return;
    }
    if (current.count >= this.max) {
      const seconds = Math.max(1, Math.ceil((current.windowStart + this.windowMs - now) / 1000));
      throw new AppError(429, 'rate_limited', 'rate_limited', { seconds });
    }
    current.count++;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, { windowStart }] of this.counts)
      if (now - windowStart >= this.windowMs) this.counts.delete(key);
  }
}

/** How much one visitor and one address may do; tests build the module with smaller numbers. */
export interface WidgetLimits {
  messagesPerMinute: number;
  uploadsPerMinute: number;
  /** New visitor sessions one address may start in an hour (resuming one does not count). */
  sessionsPerHour: number;
  /** Per address: a whole office behind one NAT writes more than one person. */
  messagesPerMinutePerIp: number;
}

export const defaultWidgetLimits: WidgetLimits = {
  messagesPerMinute: 20,
  uploadsPerMinute: 5,
  sessionsPerHour: 30,
  messagesPerMinutePerIp: 120,
};

/** The counters the widget's routes take from. */
export function widgetRateWindows(limits: WidgetLimits) {
  return {
    messages: new RateWindows(limits.messagesPerMinute, 60_000),
    messagesPerIp: new RateWindows(limits.messagesPerMinutePerIp, 60_000),
    uploads: new RateWindows(limits.uploadsPerMinute, 60_000),
    sessions: new RateWindows(limits.sessionsPerHour, 3_600_000),
    // A widget reports reads and typing a few times a minute; more is a loop or an attack.
    reports: new RateWindows(60, 60_000),
    typing: new RateWindows(30, 60_000),
  };
}
export type WidgetRateWindows = ReturnType<typeof widgetRateWindows>;
