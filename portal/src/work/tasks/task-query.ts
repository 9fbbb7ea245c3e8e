/** What the inbox shows: whose tasks, open or done, and the narrowing a person chose. */
export interface TaskFilters {
  scope: 'mine' | 'team';
  status: 'open' | 'done';
  overdueOnly: boolean;
  /** A process key, or '' for every process. */
  process: string;
  q: string;
}

export const defaultFilters: TaskFilters = {
  scope: 'mine',
  status: 'open',
  overdueOnly: false,
  process: '',
  q: '',
};

export const taskPageSize = 50;

/** The longest search the inbox sends (the server bounds it too; a pasted novel is cut, not refused). */
const maxSearch = 200;

/** The query of GET /api/v1/tasks for the filters: only what narrows the list is sent. */
export function taskQuery(
  filters: TaskFilters,
  page: { after?: string; limit?: number } = {},
): Record<string, string> {
  const query: Record<string, string> = {
    scope: filters.scope,
    status: filters.status,
    limit: String(page.limit ?? taskPageSize),
  };
  // Overdue means open and late: a done task is never overdue, so the flag only narrows open lists.
  if (filters.overdueOnly && filters.status === 'open') query.overdue = '1';
  if (filters.process) query.process = filters.process;
  const q = filters.q.trim().slice(0, maxSearch);
  if (q) query.q = q;
  if (page.after) query.after = page.after;
  return query;
}

/** The badge over «Мои задачи»: the open count, marked when some are overdue («99+» past 99). */
export function badgeText(open: number): string {
  return open > 99 ? '99+' : String(open);
}
