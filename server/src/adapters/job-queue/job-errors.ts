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
