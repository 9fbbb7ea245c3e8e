import { Migration } from '@mikro-orm/migrations';

/**
 * An ending instance deletes its pending `process.timer` jobs by the instance id in their payload. Without an index
 * that is a scan of every pending job per ending step (about 50 ms with 80,000 pending timers, inside the step's
 * transaction, under the instance's lock). A partial index on the payload's instance id, over pending timers only:
 * other jobs pay nothing for it.
 */
export class Migration20261222ProcessTimerInstanceIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index job_process_timer_instance_idx on job ((payload->>'instanceId'))
      where name = 'process.timer' and status = 'pending'`);
  }
}
