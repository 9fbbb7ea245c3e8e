import { Migration } from '@mikro-orm/migrations';

// Search vectors: the title alone, the head (title A + summary and tags B) and everything (head + body C).
// Ranking reads only the small head vector, which stays in the row; the full vector is for matching.
const titleVector = `to_tsvector('russian', title)`;
const headVector = `setweight(to_tsvector('russian', title), 'A') || setweight(to_tsvector('russian', summary || ' ' || tags_text), 'B')`;
const fullVector = `${headVector} || setweight(to_tsvector('russian', body_text), 'C')`;

/** Knowledge base (categories, articles with revisions, ratings, files, synonyms, search gaps), question-tree walks, portal assets. */
export class Migration20261201KnowledgeBase extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm');
    this.addSql(`create table kb_category (
      id uuid primary key,
      key text not null unique,
      title jsonb not null,
      description jsonb,
      parent_id uuid references kb_category(id) on delete restrict,
      position integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now())`);
    this.addSql(`create table kb_article (
      id uuid primary key,
      key text not null unique,
      title text not null,
      summary text not null default '',
      body text not null default '',
      body_text text not null default '',
      category_id uuid references kb_category(id) on delete restrict,
      tags text[] not null default '{}',
      tags_text text not null default '',
      audience text not null default 'public',
      state text not null default 'draft',
      related uuid[] not null default '{}',
      version integer not null default 1,
      views bigint not null default 0,
      helpful integer not null default 0,
      not_helpful integer not null default 0,
      popularity real not null default 0,
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      created_by text,
      updated_by text,
      title_vec tsvector generated always as (${titleVector}) stored,
      head_vec tsvector generated always as (${headVector}) stored,
      search_vec tsvector generated always as (${fullVector}) stored)`);
    this.addSql('create index kb_article_search_idx on kb_article using gin (search_vec)');
    this.addSql('create index kb_article_head_idx on kb_article using gin (head_vec)');
    this.addSql('create index kb_article_title_idx on kb_article using gin (title_vec)');
    this.addSql(
      `create index kb_article_popular_idx on kb_article (popularity desc, id) where state = 'published'`,
    );
    this.addSql('create index kb_article_category_idx on kb_article (category_id)');
    this.addSql('create index kb_article_tags_idx on kb_article using gin (tags)');
    this.addSql('create index kb_article_updated_idx on kb_article (updated_at desc, id)');
    this.addSql(`create table kb_article_version (
      article_id uuid not null references kb_article(id) on delete cascade,
      number integer not null,
      title text not null,
      summary text not null,
      body text not null,
      tags text[] not null,
      category_id uuid,
      audience text not null,
      state text not null,
      change text not null,
      saved_at timestamptz not null default now(),
      saved_by text,
      primary key (article_id, number))`);
    this.addSql(`create table kb_rating (
      id uuid primary key,
      article_id uuid not null references kb_article(id) on delete cascade,
      visitor text not null,
      user_id uuid references app_user(id) on delete set null,
      helpful boolean not null,
      comment text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint kb_rating_once unique (article_id, visitor))`);
    this.addSql('create index kb_rating_article_idx on kb_rating (article_id, updated_at desc)');
    this.addSql(`create table kb_word (word text primary key, ndoc integer not null default 0)`);
    this.addSql('create index kb_word_trgm_idx on kb_word using gin (word gin_trgm_ops)');
    this.addSql(`create table kb_synonym (
      id uuid primary key,
      position integer not null,
      terms text[] not null,
      lexemes text[] not null)`);
    this.addSql(`create table kb_search_gap (
      id uuid primary key,
      query_norm text not null unique,
      query text not null,
      count integer not null default 1,
      first_at timestamptz not null default now(),
      last_at timestamptz not null default now())`);
    this.addSql('create index kb_search_gap_last_idx on kb_search_gap (last_at desc)');
    this.addSql(`create table content_file (
      id uuid primary key,
      owner text not null,
      article_id uuid references kb_article(id) on delete set null,
      sha256 text not null,
      name text not null,
      media_type text not null,
      size bigint not null,
      created_at timestamptz not null default now(),
      created_by text)`);
    this.addSql('create index content_file_article_idx on content_file (article_id)');
    this.addSql(`create table tree_walk (
      id uuid primary key,
      tree text not null,
      version integer not null,
      path text[] not null default '{}',
      visited text[] not null default '{}',
      outcome text,
      outcome_node text,
      channel text,
      started_at timestamptz not null default now(),
      updated_at timestamptz not null default now())`);
    this.addSql('create index tree_walk_tree_idx on tree_walk (tree, started_at desc)');
  }
}
