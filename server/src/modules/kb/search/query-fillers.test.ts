import { describe, expect, it } from 'vitest';
import { withoutFillers } from './query-fillers.js';
import { isSynonymTerm } from './synonym-expansion.js';

const words = (...list: string[]) => list.map((word) => ({ word }));

describe('the words a query is judged by', () => {
  it('drops the words of asking, so «не могу войти» is about signing in only', () => {
    expect(withoutFillers(words('подскажите', 'не', 'могу', 'войти'))).toEqual(words('не', 'войти'));
  });

  it('keeps a query made of such words only, rather than searching for nothing', () => {
    expect(withoutFillers(words('помогите', 'пожалуйста'))).toEqual(words('помогите', 'пожалуйста'));
  });

  it('knows a synonym term only by its exact lexemes, so «инет» is never «corrected» away', () => {
    const sets = [
      [['интернет'], ['инет']],
      [['sim-карт', 'sim', 'карт'], ['симк']],
    ];
    expect(isSynonymTerm(['инет'], sets)).toBe(true);
    expect(isSynonymTerm(['sim-карт', 'sim', 'карт'], sets)).toBe(true);
    expect(isSynonymTerm(['sim'], sets)).toBe(false);
    expect(isSynonymTerm([], sets)).toBe(false);
  });
});
