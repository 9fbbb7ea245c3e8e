import type { Database } from '../../db/database.js';
import { ArticleQueries } from './article-queries.js';
import { ArticleService } from './article-service.js';
import { CategoryService } from './category-service.js';
import { PortalKbService } from './portal-kb-service.js';
import { SearchGaps } from './search/search-gaps.js';
import { SearchService } from './search/search-service.js';
import { SynonymService } from './search/synonym-service.js';

/** The knowledge base's services, built once per app and shared with the modules that read articles. */
export interface KnowledgeBase {
  categories: CategoryService;
  articles: ArticleService;
  queries: ArticleQueries;
  portal: PortalKbService;
  search: SearchService;
  synonyms: SynonymService;
  gaps: SearchGaps;
}

export function createKnowledgeBase(db: Database): KnowledgeBase {
  const categories = new CategoryService(db);
  const queries = new ArticleQueries(db, categories);
  const synonyms = new SynonymService(db);
  const gaps = new SearchGaps(db);
  return {
    categories,
    queries,
    articles: new ArticleService(db, queries),
    portal: new PortalKbService(db, categories),
    search: new SearchService(db, categories, synonyms, gaps),
    synonyms,
    gaps,
  };
}
