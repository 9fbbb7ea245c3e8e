import { describe, expect, it } from 'vitest';
import type { EditorProblem } from '../state/use-definition-draft';
import { listProblem, problemAt } from './field-problems';

const problem = (pointer: string | null, message: string): EditorProblem => ({
  pointer,
  message,
  source: 'local',
});

describe('field problems', () => {
  const problems = [
    problem(null, 'name taken'),
    problem('/settings/smtp/port', 'port too big'),
    problem('/settings/allowedOrigins/1', 'bad origin'),
    problem('/settings/allowedOrigins', 'too many'),
  ];

  it('finds a problem at a field or inside it, never at a field whose name merely starts the same', () => {
    expect(problemAt(problems, '/settings/smtp')).toBe('port too big');
    expect(problemAt(problems, '/settings/smtp/port')).toBe('port too big');
    expect(problemAt(problems, '/settings/smtp/p')).toBeUndefined();
    expect(problemAt(problems, '/title')).toBeUndefined();
  });

  it("takes a list's own problem apart from its entries'", () => {
    expect(listProblem(problems, '/settings/allowedOrigins')).toBe('too many');
    expect(listProblem([problems[2]!], '/settings/allowedOrigins')).toBeUndefined();
  });
});
