import { Migration } from '@mikro-orm/migrations';

/**
 * Search gaps also keep the queries that found articles but no exact answer («Точного ответа нет»): what kind
 * of gap a query is, and the titles it was shown last, so the analyst sees what visitors got instead.
 */
export class Migration20261212KbWeakSearchGaps extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table kb_search_gap add column kind text not null default 'zero' check (kind in ('zero', 'weak'))`,
    );
    this.addSql(`alter table kb_search_gap add column shown text[] not null default '{}'`);
  }
}
