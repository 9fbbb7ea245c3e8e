import type { Database } from '../../../db/database.js';
import { kbArticleEntity } from './article-document.js';

/** Where an article's latest review stands, as its editor shows it. */
export interface ArticleReview {
  instanceId: string;
  status: 'running' | 'completed' | 'terminated' | 'failed';
  startedAt: string;
  endedAt?: string;
  /** Who reviews now: the open tasks' assignees (a role, a line or a person), and who took the task. */
  reviewers: { kind: 'user' | 'role' | 'line'; value: string; name?: string; claimedBy?: string }[];
  /** The decision the review left with, and the deciding reviewer's comment (why it was returned). */
  outcome?: 'approved' | 'rejected' | 'returned';
  comment?: string;
  decidedBy?: { id: string; name: string };
}

interface InstanceRow {
  id: string;
  status: ArticleReview['status'];
  started_at: Date | string;
  ended_at: Date | string | null;
  state: unknown;
}

interface TaskRow {
  status: 'open' | 'completed' | 'cancelled';
  kind: string;
  assignee_kind: 'user' | 'role' | 'line';
  assignee_value: string;
  assignee_name: string | null;
  claimed_name: string | null;
  completed_by: string | null;
  completed_name: string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const parsed = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

/**
 * The article's latest review process (the newest instance about `@kb-article`), read from the processes' own
 * tables: the review's status, its open tasks' reviewers, its outcome and comment. Null when it never had one.
 */
export async function latestArticleReview(db: Database, articleId: string): Promise<ArticleReview | null> {
  const [instance] = await db.query<InstanceRow>(
    `select id, status, started_at, ended_at, state from process_instance
      where record_entity = ? and record_id = ? order by started_at desc, id desc limit 1`,
    [kbArticleEntity, articleId],
  );
  if (!instance) return null;
  const tasks = await db.query<TaskRow>(
    `select t.status, t.kind, t.assignee_kind, t.assignee_value, au.name as assignee_name,
        cu.name as claimed_name, t.completed_by, du.name as completed_name
       from process_task t
       left join app_user au on t.assignee_kind = 'user' and au.id::text = t.assignee_value
       left join app_user cu on cu.id = t.claimed_by
       left join app_user du on du.id = t.completed_by
      where t.instance_id = ? order by t.created_at, t.id limit 100`,
    [instance.id],
  );
  const variables = (parsed(instance.state).variables ?? {}) as Record<string, unknown>;
  const outcome = variables.outcome;
  const decided = tasks.filter((t) => t.kind === 'approval' && t.status === 'completed').at(-1);
  return {
    instanceId: instance.id,
    status: instance.status,
    startedAt: iso(instance.started_at),
    ...(instance.ended_at ? { endedAt: iso(instance.ended_at) } : {}),
    reviewers: tasks
      .filter((t) => t.status === 'open')
      .map((t) => ({
        kind: t.assignee_kind,
        value: t.assignee_value,
        ...(t.assignee_name ? { name: t.assignee_name } : {}),
        ...(t.claimed_name ? { claimedBy: t.claimed_name } : {}),
      })),
    ...(outcome === 'approved' || outcome === 'rejected' || outcome === 'returned' ? { outcome } : {}),
    ...(typeof variables.outcomeComment === 'string' && variables.outcomeComment
      ? { comment: variables.outcomeComment }
      : {}),
    ...(decided?.completed_by
      ? { decidedBy: { id: decided.completed_by, name: decided.completed_name ?? decided.completed_by } }
      : {}),
  };
}
