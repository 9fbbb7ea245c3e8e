import { abortablePause } from '../abortable-pause.js';
import { type ImapRoundPorts, pollMailbox } from './imap-round.js';
import type { ImapSettings } from './imap-settings.js';

export interface ImapPollingOptions {
  /** Reads the settings (and the password) anew each round, so a corrected password takes effect. */
  settings(): Promise<ImapSettings & { pollSeconds: number }>;
  /** Whether this process may poll the mailbox now (it holds, or has just taken, the mailbox's lock). */
  mayPoll(): Promise<boolean>;
  ports: ImapRoundPorts;
  /** Called with each failed round (logged by the caller); the loop backs off and keeps going. */
  onError(error: unknown): void;
  /** The pause between rounds instead of the channel's `pollSeconds` (tests). */
  pollMs?: number;
  /** The first pause after a failure (the poll interval by default); it doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Polls one mailbox until stopped: a round (see imap-round.ts), then a pause of the channel's interval. A failed
 * round (server down, wrong password) is reported and retried after a pause that doubles up to 5 minutes, so a
 * mail provider is not hammered with failing logins. `stop()` aborts the round in flight (closing its connection)
 * and resolves when the loop has ended; the loop never rejects.
 */
export class ImapPolling {
  private readonly abort = new AbortController();
  private readonly done: Promise<void>;

  constructor(private readonly options: ImapPollingOptions) {
    this.done = this.run().catch((error: unknown) => options.onError(error));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    const { options } = this;
    let failures = 0;
    while (!signal.aborted) {
      let interval = options.pollMs ?? 60_000;
      try {
        const settings = await options.settings();
        interval = options.pollMs ?? settings.pollSeconds * 1000;
        if (await options.mayPoll()) await pollMailbox(settings, options.ports, signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        options.onError(error);
        failures += 1;
      }
      await abortablePause(failures ? this.backoff(failures, interval) : interval, signal);
    }
  }

  private backoff(failures: number, interval: number): number {
    const first = this.options.backoffMs ?? interval;
    const max = Math.max(first, this.options.maxBackoffMs ?? 5 * 60_000);
    return Math.min(first * 2 ** Math.min(failures - 1, 20), max);
  }
}
