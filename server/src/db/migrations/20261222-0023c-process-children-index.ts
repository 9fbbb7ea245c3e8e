import { Migration } from '@mikro-orm/migrations';

/** An ending instance cancels the processes it called that still run: found by their caller, not by a scan. */
export class Migration20261222ProcessChildrenIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index process_instance_running_children_idx on process_instance (parent_id)
        where parent_id is not null and status = 'running'`,
    );
  }
}
