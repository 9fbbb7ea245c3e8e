import { randomUUID } from 'node:crypto';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database } from '../../db/database.js';
import { toPgArray } from '../../db/pg-array.js';
import { signalBoard } from '../supervisor/board-signal.js';
import { ensureProfile } from './operator-profile.js';

export interface PresenceTiming {
  /** How long after their last socket closes an operator goes offline (a reload or a short drop keeps them). */
  graceMs: number;
  /** How often this process says it is alive and looks for dead ones. */
  heartbeatMs: number;
  /** A process not heard of for this long is dead: its sockets no longer count. */
  expiryMs: number;
}

/**
 * Puts an operator offline when their last live socket — on any server process — has been closed for a grace
 * period. Sockets are counted per process, and each process renews a heartbeat row: when a process dies without
 * closing its sockets, another one (or the next start on the same data) finds its heartbeat stale, drops its
 * sockets, and their operators go offline like any others.
 */
export class OperatorPresence {
  /** This process's row in `server_process`. */
  readonly processId = randomUUID();
  private readonly timers = new Set<NodeJS.Timeout>();
  private heartbeat: NodeJS.Timeout | null = null;
  /** Sockets open here per operator: rewritten if another process ever took this one for dead. */
  private readonly sockets = new Map<string, number>();
  /** Counting writes run one after another, so a socket closed at once is never counted before it opened. */
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  readonly timing: PresenceTiming;

  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      log: { warn(obj: object, msg: string): void };
      hub?: LiveHub;
    },
    timing: Partial<PresenceTiming> = {},
  ) {
    this.timing = { graceMs: 30_000, heartbeatMs: 10_000, expiryMs: 60_000, ...timing };
  }

  /** How long after the last socket closes the operator goes offline (tests shorten it). */
  get graceMs(): number {
    return this.timing.graceMs;
  }
  set graceMs(ms: number) {
    this.timing.graceMs = ms;
  }

  /** Registers this process and starts its heartbeat, which also clears up after dead processes (at once, too). */
  async start(): Promise<void> {
    await this.sweep();
    this.heartbeat = setInterval(() => {
      this.sweep().catch((err: unknown) => this.deps.log.warn({ err }, 'presence heartbeat failed'));
    }, this.timing.heartbeatMs);
    this.heartbeat.unref();
  }

  connected(userId: string): Promise<void> {
    const run = async () => {
      if (this.stopped) return;
      const { db } = this.deps;
      const now = dateOf(this.deps.clock);
      await ensureProfile(db, userId, now);
      this.sockets.set(userId, (this.sockets.get(userId) ?? 0) + 1);
      // Refused only when another process took this one for dead: registering again rewrites every count.
      await this.writeSockets(userId).catch(() => this.beat());
      await db.query('update operator_profile set disconnected_at = null where user_id = ?', [userId]);
    };
    this.chain = this.chain.then(run, run);
    return this.chain;
  }

  disconnected(userId: string): void {
    const settle = async () => {
      if (this.stopped) return;
      const left = (this.sockets.get(userId) ?? 1) - 1;
      if (left > 0) this.sockets.set(userId, left);
      else this.sockets.delete(userId);
      await this.writeSockets(userId);
      if (left > 0) return;
      await this.markDisconnected([userId], dateOf(this.deps.clock));
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.putOffline().catch((err: unknown) =>
          this.deps.log.warn({ err }, 'could not put an operator offline'),
        );
      }, this.timing.graceMs);
      timer.unref();
      this.timers.add(timer);
    };
    this.chain = this.chain
      .catch(() => undefined)
      .then(settle)
      .catch((err: unknown) => this.deps.log.warn({ err }, 'could not count an operator’s sockets'));
  }

  /**
   * One heartbeat: this process is alive; processes silent past the expiry are dead — their sockets stop counting,
   * and operators left with none are disconnected as of the dead process's last sign of life; then whoever has
   * been disconnected past the grace period goes offline.
   */
  async sweep(): Promise<void> {
    if (this.stopped) return;
    await this.beat();
    const { db } = this.deps;
    const now = dateOf(this.deps.clock);
    await db.transaction(async (tx) => {
      const dead = await db.query<{ id: string }>(
        'select id from server_process where seen_at < ? and id <> ? for update skip locked',
        [new Date(now.getTime() - this.timing.expiryMs), this.processId],
        tx,
      );
      if (!dead.length) return;
      const ids = toPgArray(dead.map((d) => d.id));
      await db.query(
        `update operator_profile p set disconnected_at = gone.last_seen
           from (select s.user_id, max(sp.seen_at) as last_seen from operator_socket s
                   join server_process sp on sp.id = s.process_id
                  where s.process_id = any(?::uuid[]) group by s.user_id) gone
          where p.user_id = gone.user_id and p.disconnected_at is null
            and not exists (select 1 from operator_socket o
                             where o.user_id = p.user_id and o.process_id <> all(?::uuid[]))`,
        [ids, ids],
        tx,
      );
      await db.query('delete from server_process where id = any(?::uuid[])', [ids], tx);
    });
    await this.putOffline();
  }

  /** Stops counting; a clean stop gives up this process's sockets (their operators' grace starts now). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.halt();
    await this.chain.catch(() => undefined);
    const { db } = this.deps;
    const now = dateOf(this.deps.clock);
    await this.markDisconnected([...this.sockets.keys()], now, true);
    await db.query('delete from server_process where id = ?', [this.processId]);
  }

  /**
   * Stops at once, telling the database nothing: what a crashed process leaves behind (tests play a crash with it;
   * the other processes clear up after it once its heartbeat expires).
   */
  halt(): void {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Renews this process's heartbeat; if another process took it for dead meanwhile, registers it and its sockets again. */
  private async beat(): Promise<void> {
    const { db } = this.deps;
    const now = dateOf(this.deps.clock);
    const renewed = await db.query('update server_process set seen_at = ? where id = ? returning id', [
      now,
      this.processId,
    ]);
    if (renewed.length) return;
    await db.query(
      'insert into server_process (id, started_at, seen_at) values (?, ?, ?) on conflict (id) do nothing',
      [this.processId, now, now],
    );
    for (const userId of this.sockets.keys()) await this.writeSockets(userId);
    if (this.sockets.size)
      await db.query('update operator_profile set disconnected_at = null where user_id = any(?::uuid[])', [
        toPgArray([...this.sockets.keys()]),
      ]);
  }

  /** Writes this process's socket count of one operator (none: no row). */
  private async writeSockets(userId: string): Promise<void> {
    const n = this.sockets.get(userId) ?? 0;
    const { db } = this.deps;
    if (n === 0) {
      await db.query('delete from operator_socket where user_id = ? and process_id = ?', [
        userId,
        this.processId,
      ]);
      return;
    }
    await db.query(
      `insert into operator_socket (user_id, process_id, sockets) values (?, ?, ?)
       on conflict (user_id, process_id) do update set sockets = excluded.sockets`,
      [userId, this.processId, n],
    );
  }

  /**
   * Operators with no socket left on any (other) process are disconnected as of now. `leaving`: this process is
   * going away, so its own sockets no longer count.
   */
  private async markDisconnected(userIds: string[], now: Date, leaving = false): Promise<void> {
    if (!userIds.length) return;
    await this.deps.db.query(
      `update operator_profile p set disconnected_at = ?
        where p.user_id = any(?::uuid[]) and p.disconnected_at is null
          and not exists (select 1 from operator_socket o where o.user_id = p.user_id and (not ? or o.process_id <> ?))`,
      [now, toPgArray(userIds), leaving, this.processId],
    );
  }

  /**
   * Whoever has had no socket anywhere for the grace period goes offline — unless they chose a status since
   * (set by hand after their screen closed, the status stands until their next socket closes).
   */
  private async putOffline(): Promise<void> {
    const now = dateOf(this.deps.clock);
    const { db } = this.deps;
    await db.transaction(async (tx) => {
      const changed = await db.query(
        `update operator_profile p set status = 'offline', status_auto = true, status_since = ?, updated_at = ?
          where p.status <> 'offline' and p.disconnected_at <= ? and p.disconnected_at >= p.status_since
            and not exists (select 1 from operator_socket o where o.user_id = p.user_id)
          returning p.user_id`,
        [now, now, new Date(now.getTime() - this.timing.graceMs)],
        tx,
      );
      // Supervisors' boards hear of operators gone offline by themselves (no dialog event carries it).
      if (changed.length) await signalBoard(this.deps.hub, tx);
    });
  }
}
