import { CallGate } from '@opora/runtime/scripts';
import { AppError } from '../../http/app-error.js';

export interface RunAdmissionLimits {
  /** Script runs carried out at once, all callers together. */
  running: number;
  /** Runs that may wait for one of those places; past that a run is refused (503). */
  waiting: number;
  /** Runs one user may have running or waiting at once (test runs); past that the user is refused (429). */
  perUser: number;
}

export const defaultAdmission: RunAdmissionLimits = { running: 8, waiting: 64, perUser: 4 };

/**
 * Bounds the script runs in progress: a few at once overall, the rest queued up to a limit, and a per-user share
 * so one developer's burst of test runs cannot fill the queue for everyone. Refusals are the API's errors,
 * worded in the caller's language by the error handler.
 */
export class RunAdmission {
  private readonly gate: CallGate;
  private readonly perUser = new Map<string, number>();

  constructor(private readonly limits: RunAdmissionLimits = defaultAdmission) {
    this.gate = new CallGate(limits.running, limits.waiting);
  }

  /** Runs `task` when its turn comes; `user` (when given) counts against that user's share. */
  async admit<T>(user: string | undefined, task: () => Promise<T>): Promise<T> {
    const mine = user === undefined ? 0 : (this.perUser.get(user) ?? 0);
    if (user !== undefined && mine >= this.limits.perUser)
      throw new AppError(429, 'too_many_script_runs', 'script_runs_per_user', { count: this.limits.perUser });
    const queued = this.gate.run(task);
    if (!queued) throw new AppError(503, 'scripts_busy', 'scripts_busy', { count: this.limits.waiting });
    if (user === undefined) return queued;
    this.perUser.set(user, mine + 1);
    try {
      return await queued;
    } finally {
      const left = (this.perUser.get(user) ?? 1) - 1;
      if (left > 0) this.perUser.set(user, left);
      else this.perUser.delete(user);
    }
  }
}
