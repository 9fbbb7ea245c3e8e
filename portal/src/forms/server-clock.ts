import type { EvaluationClock } from '@opora/runtime/forms';
import { client } from '../lib/api';

let zone: Promise<string> | null = null;

/** The organisation's time zone (forms compute "today" in it, as the server does); asked once per page load. */
export function organisationTimeZone(): Promise<string> {
  zone ??= client.info().then(
    (info) => info.timeZone,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  return zone;
}

export const clockIn = (timeZone: string) => (): EvaluationClock => ({ now: new Date(), timeZone });
