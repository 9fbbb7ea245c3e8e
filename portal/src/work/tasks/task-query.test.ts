import { describe, expect, it } from 'vitest';
import { badgeText, defaultFilters, taskQuery } from './task-query';

describe('inbox filters → query string', () => {
  it('sends scope, status and page size by default', () => {
    expect(taskQuery(defaultFilters)).toEqual({ scope: 'mine', status: 'open', limit: '50' });
  });

  it('adds overdue, process, trimmed search and the cursor', () => {
    expect(
      taskQuery(
        { scope: 'team', status: 'open', overdueOnly: true, process: 'contract', q: '  договор ' },
        { after: 'c1' },
      ),
    ).toEqual({
      scope: 'team',
      status: 'open',
      limit: '50',
      overdue: '1',
      process: 'contract',
      q: 'договор',
      after: 'c1',
    });
  });

  it('drops «only overdue» for done tasks and bounds the search', () => {
    const query = taskQuery({ ...defaultFilters, status: 'done', overdueOnly: true, q: 'x'.repeat(500) });
    expect(query.overdue).toBeUndefined();
    expect(query.q).toHaveLength(200);
  });

  it('caps the badge at 99+', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
