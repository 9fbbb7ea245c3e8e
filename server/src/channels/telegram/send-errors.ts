import { GrammyError, HttpError } from 'grammy';
import { GiveUp, RetryLater } from '../../adapters/job-queue/index.js';

/**
 * What a failed Bot API call means for the send job: Telegram's `retry_after` is a wait it asks for; a blocked bot,
 * a deleted chat or a message Telegram refuses will not go through however often it is tried; network trouble and
 * Telegram's own errors are retried with the queue's backoff.
 */
export function sendFailure(error: unknown): Error {
  if (error instanceof GrammyError) {
    const wait = error.parameters?.retry_after;
    if (error.error_code === 429 && typeof wait === 'number')
      return new RetryLater(error.description, wait * 1000);
    if (error.error_code === 400 || error.error_code === 403)
      return new GiveUp(`Telegram: ${error.description}`);
    return new Error(`Telegram: ${error.description}`);
  }
  if (error instanceof HttpError) return new Error(`Telegram did not answer: ${error.message}`);
  return error instanceof Error ? error : new Error(String(error));
}
