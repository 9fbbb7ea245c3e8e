import { type Clock, dateOf } from '../../adapters/clock.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database } from '../../db/database.js';
import { signalBoard } from '../supervisor/board-signal.js';
import { ensureProfile } from './operator-profile.js';

/**
 * Puts an operator offline when their last live socket — on any server process — has been closed for a grace
 * period (a page reload or a short network drop keeps them online). Sockets are counted in their profile row.
 */
export class OperatorPresence {
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Counting writes run one after another, so a socket closed at once is never counted before it opened. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      log: { warn(obj: object, msg: string): void };
      hub?: LiveHub;
    },
    /** How long after the last socket closes the operator goes offline. */
    public graceMs = 30_000,
  ) {}

  connected(userId: string): Promise<void> {
    const { db } = this.deps;
    const run = async () => {
      await ensureProfile(db, userId, dateOf(this.deps.clock));
      await db.query('update operator_profile set live_sockets = live_sockets + 1 where user_id = ?', [
        userId,
      ]);
    };
    this.chain = this.chain.then(run, run);
    return this.chain;
  }

  disconnected(userId: string): void {
    const { db } = this.deps;
    const settle = async () => {
      await db.query(
        'update operator_profile set live_sockets = greatest(live_sockets - 1, 0) where user_id = ?',
        [userId],
      );
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        const now = dateOf(this.deps.clock);
        db.transaction(async (tx) => {
          const changed = await db.query(
            `update operator_profile set status = 'offline', status_auto = true, status_since = ?, updated_at = ?
              where user_id = ? and live_sockets = 0 and status <> 'offline' returning user_id`,
            [now, now, userId],
            tx,
          );
          if (changed.length) await signalBoard(this.deps.hub, tx);
        }).catch((err: unknown) => this.deps.log.warn({ err }, 'could not put an operator offline'));
      }, this.graceMs);
      timer.unref();
      this.timers.add(timer);
    };
    this.chain = this.chain
      .catch(() => undefined)
      .then(settle)
      .catch((err: unknown) => this.deps.log.warn({ err }, 'could not count an operator’s sockets'));
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
