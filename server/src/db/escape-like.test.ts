import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/test-database.js';
import { type Database, openDatabase } from './database.js';
import { containsPattern, escapeLike } from './escape-like.js';

describe('LIKE patterns from user text', () => {
  it('escapes the wildcards and the escape character itself', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(escapeLike('обычный текст')).toBe('обычный текст');
  });

  it('wraps the escaped text for a «contains» search', () => {
    expect(containsPattern('a_b')).toBe('%a\\_b%');
  });
});

describe.each(databaseTargets)('LIKE patterns on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase(target.url ? { databaseUrl: target.url } : {});
  });
  afterAll(() => db.close());

  const matches = async (text: string, typed: string) =>
    (await db.query<{ hit: boolean }>('select ? ilike ? as hit', [text, containsPattern(typed)]))[0]?.hit;

  it('matches what was typed literally, wildcards and backslashes included', async () => {
    expect(await matches('Скидка 50% на всё', '50%')).toBe(true);
    expect(await matches('Скидка 500 на всё', '50%')).toBe(false);
    expect(await matches('user_name', 'r_n')).toBe(true);
    expect(await matches('username', 'r_n')).toBe(false);
    expect(await matches('C:\\путь', ':\\п')).toBe(true);
    expect(await matches('ПАРОЛЬ', 'пароль')).toBe(true);
  });
});
