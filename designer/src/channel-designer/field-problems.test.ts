import { describe, expect, it } from 'vitest';
import type { EditorProblem } from '../state/use-definition-draft';
import { fieldProblem, listProblem, problemAt } from './field-problems';

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

describe('a field problem in its own words', () => {
  const local = [problem('/settings/address', 'должно соответствовать формату "email"')];
  const server = [{ ...local[0]!, source: 'server' as const }];
  const texts = { empty: 'Введите адрес ящика', bad: 'Это не адрес почты' };

  it('leaves an empty required field quiet until the server refused it', () => {
    expect(fieldProblem(local, [], '/settings/address', '', texts)).toBeUndefined();
    expect(fieldProblem(local, server, '/settings/address', ' ', texts)).toBe('Введите адрес ящика');
  });

  it('says what is wrong with a filled field without the schema’s pattern', () => {
    expect(fieldProblem(local, server, '/settings/address', 'help@', texts)).toBe('Это не адрес почты');
    expect(fieldProblem(local, [], '/settings/address', 'help@', { empty: '' })).toBe(local[0]!.message);
    expect(fieldProblem(local, [], '/settings/host', 'x', texts)).toBeUndefined();
  });

  it('keeps the words of a problem only the server sees, and forgets a refusal the admin has since fixed', () => {
    const missing = [problem('/settings/tokenSecret', 'Секрета tg_token нет')];
    const refused = missing.map((p) => ({ ...p, source: 'server' as const }));
    expect(fieldProblem([], refused, '/settings/tokenSecret', 'tg_token', texts)).toBe(
      'Секрета tg_token нет',
    );
    expect(fieldProblem([], server, '/settings/address', '', texts)).toBeUndefined();
  });
});
