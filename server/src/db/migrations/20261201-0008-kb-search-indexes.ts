import { Migration } from '@mikro-orm/migrations';

const vectorIndexes = {
  search_vec: 'kb_article_search_idx',
  head_vec: 'kb_article_head_idx',
  title_vec: 'kb_article_title_idx',
};
/** The spelling-fix lookup reads the vocabulary's trigram index on every query with an unknown word. */
const ginIndexes = [...Object.values(vectorIndexes), 'kb_word_trgm_idx'];

/**
 * Knowledge-base search stays fast however the articles arrive. A GIN index's pending list (fast update) is
 * read in full by every search until a vacuum merges it, and the planner prices the index as dear while it
 * is long, so after a bulk import searches read the whole table; articles are written rarely and searched
 * constantly, so they go straight into the index. A larger statistics sample lets the planner tell a rare
 * word (read through the index) from a common one (walked by popularity).
 */
export class Migration20261201KbSearchIndexes extends Migration {
  override async up(): Promise<void> {
    for (const index of ginIndexes) {
      this.addSql(`alter index ${index} set (fastupdate = off)`);
      this.addSql(`select gin_clean_pending_list('${index}'::regclass)`);
    }
    for (const column of Object.keys(vectorIndexes))
      this.addSql(`alter table kb_article alter column ${column} set statistics 1000`);
    this.addSql('analyze kb_article');
  }
}
