import { describe, expect, it } from 'vitest';
import { formatSynonyms, parseSynonyms, serverSynonymProblems } from './synonyms-text';

describe('synonyms text', () => {
  it('reads one group per line, terms comma-separated, normalized', () => {
    const parsed = parseSynonyms('пароль, Password,  код   доступа\n\n  логин; имя пользователя \n');
    expect(parsed.groups).toEqual([
      ['пароль', 'password', 'код доступа'],
      ['логин', 'имя пользователя'],
    ]);
    expect(parsed.lines).toEqual([1, 3]);
    expect(parsed.problems).toEqual([]);
  });

  it('names the line of a group with a single term', () => {
    const parsed = parseSynonyms('пароль, password\nоплата\nчек, квитанция, чек');
    expect(parsed.problems).toEqual([{ line: 2, code: 'single' }]);
    expect(parsed.groups[2]).toEqual(['чек', 'квитанция']);
  });

  it('names both lines when a term is in two groups', () => {
    const parsed = parseSynonyms('пароль, password\nкод, Пароль');
    expect(parsed.problems).toEqual([{ line: 2, code: 'repeated', term: 'пароль', otherLine: 1 }]);
  });

  it('skips empty lines and trailing commas', () => {
    expect(parseSynonyms(' , ,\nа, б,').groups).toEqual([['а', 'б']]);
    expect(parseSynonyms('').groups).toEqual([]);
  });

  it('formats stored groups back into lines', () => {
    const text = formatSynonyms([{ terms: ['пароль', 'password'] }, { terms: ['логин', 'login'] }]);
    expect(text).toBe('пароль, password\nлогин, login');
    expect(parseSynonyms(text).groups).toEqual([
      ['пароль', 'password'],
      ['логин', 'login'],
    ]);
  });

  it('puts the server errors on the lines of the groups they point at', () => {
    const { lines } = parseSynonyms('а, б\n\nв, г');
    expect(
      serverSynonymProblems(
        [
          { pointer: '/groups/1/0', message: 'Слишком длинное слово' },
          { pointer: '/groups', message: 'Слишком много групп' },
        ],
        lines,
      ),
    ).toEqual([
      { line: 3, code: 'server', message: 'Слишком длинное слово' },
      { line: 0, code: 'server', message: 'Слишком много групп' },
    ]);
  });
});
