import { Api, GrammyError } from 'grammy';
import { abortablePause } from '../abortable-pause.js';
import { defaultApiRoot, type TelegramSettings } from './telegram-settings.js';

export interface PollingOptions {
  /** Reads the settings (and the token) anew each round, so a rotated token takes effect. */
  settings(): Promise<TelegramSettings>;
  /** Takes one update; a rejection stops the round, and the update is fetched again (it was not confirmed). */
  take(update: unknown): Promise<void>;
  /** Called with each failed round (logged by the caller); the loop backs off and keeps going. */
  onError(error: unknown): void;
  /** How long one getUpdates call waits for news at Telegram (seconds). */
  longPollSeconds?: number;
  /** The first pause after a failure; it doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Long polling for a bot without a public address: `getUpdates` in a loop, each update handed over in order, and
 * confirmed (by asking for the next offset) only after it was taken, so a crash re-reads what was not stored —
 * the update id makes that harmless. Failures back off (Telegram's own `retry_after` when it gives one); `stop()`
 * aborts the waiting call and resolves when the loop has ended.
 */
export class TelegramPolling {
  private readonly abort = new AbortController();
  private offset = 0;
  private readonly done: Promise<void>;

  constructor(private readonly options: PollingOptions) {
    this.done = this.run().catch((error: unknown) => options.onError(error));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    // grammy types its signal with the abort-controller polyfill's type; Node's own AbortSignal is what it uses.
    const callSignal = signal as unknown as Parameters<Api['getUpdates']>[1];
    const first = this.options.backoffMs ?? 1000;
    let backoff = first;
    let deletedWebhook = false;
    while (!signal.aborted) {
      try {
        const settings = await this.options.settings();
        const api = new Api(settings.token, { apiRoot: settings.apiRoot ?? defaultApiRoot });
        // Telegram refuses getUpdates while a webhook is set: a channel switched to polling drops its webhook.
        if (!deletedWebhook) deletedWebhook = await api.deleteWebhook({}, callSignal);
        const updates = await api.getUpdates(
          {
            offset: this.offset,
            timeout: this.options.longPollSeconds ?? 25,
            allowed_updates: ['message', 'callback_query'],
          },
          callSignal,
        );
        for (const update of updates) {
          if (signal.aborted) return;
          await this.options.take(update);
          this.offset = update.update_id + 1;
        }
        backoff = first;
      } catch (error) {
        if (signal.aborted) return;
        this.options.onError(error);
        await abortablePause(retryAfterMs(error) ?? backoff, signal);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 60_000);
      }
    }
  }
}

function retryAfterMs(error: unknown): number | undefined {
  const seconds = error instanceof GrammyError ? error.parameters.retry_after : undefined;
  return seconds ? seconds * 1000 : undefined;
}
