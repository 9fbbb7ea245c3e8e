/**
 * How a job handler tells the queue more than "it failed". Any other error is retried with exponential backoff
 * until the job's attempts run out.
 */

/** Try again, but not before `delayMs` (a channel's `retry_after`, a rate limit that says when it lifts). */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

/** Retrying cannot help (the recipient blocked the bot, the address does not exist): fail the job now. */
export class GiveUp extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GiveUp';
  }
}

/**
 * Not a failure: the job cannot do its work yet because another job must finish first (an earlier answer of the
 * same dialog is still being sent). It runs again after `delayMs` without spending an attempt or logging an error.
 */
export class NotYet extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'NotYet';
  }
}
