import type { Database } from '../../db/database.js';
import type { Unlisten } from '../../db/listen.js';
import { distributionChannel } from './distribution-signal.js';

/**
 * Runs distribution passes when something happens, never on a timer: every server process listens for the
 * NOTIFY a dialog's queueing or an operator's freed slot sends on commit, and runs one pass at a time — wakes that
 * arrive meanwhile fold into one more pass after it. Processes race safely: passes take the distribution lock.
 */
export class Dispatcher {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unlisten: Unlisten | null = null;

  constructor(
    private readonly pass: () => Promise<'more' | 'done'>,
    private readonly log: { error(obj: unknown, msg: string): void },
  ) {}

  /** Listens, and runs a first pass for whatever waited while no process was up (a restart loses nothing). */
  async start(db: Database): Promise<void> {
    // A missed wake-up (the listening connection dropped) is made up for by a pass when it comes back.
    this.unlisten = await db.listen(
      distributionChannel,
      () => this.wake(),
      () => this.wake(),
    );
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.unlisten?.();
    await this.running;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Runs a pass now and waits until no pass is running (tests and the benchmark settle on it). */
  async drain(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        while (!this.stopped && (await this.pass()) === 'more');
      } catch (err) {
        this.log.error({ err }, 'distribution pass failed');
      }
    } while (this.again && !this.stopped);
  }
}
