import { describe, expect, it } from 'vitest';
import { hasSeveralStatements } from './sql-statements.js';

describe('hasSeveralStatements', () => {
  it('sees statements separated by semicolons', () => {
    expect(hasSeveralStatements('create table a (x int); create index on a (x);')).toBe(true);
    expect(hasSeveralStatements('select 1;')).toBe(false);
    expect(hasSeveralStatements('select 1')).toBe(false);
  });

  it('ignores semicolons inside literals, identifiers and comments', () => {
    expect(hasSeveralStatements(`insert into t values ('a; b', 'it''s; fine')`)).toBe(false);
    expect(hasSeveralStatements(`insert into t values (E'back\\'slash; x')`)).toBe(false);
    expect(hasSeveralStatements(`select "odd;name" from t -- a; comment\n`)).toBe(false);
    expect(hasSeveralStatements('select /* ; */ 1')).toBe(false);
    expect(hasSeveralStatements('do $body$ begin perform 1; end $body$')).toBe(false);
    expect(hasSeveralStatements(`insert into t values ('{"text": "Войдите; затем"}')`)).toBe(false);
  });
});
