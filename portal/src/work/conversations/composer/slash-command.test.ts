import { describe, expect, it } from 'vitest';
import { slashCommandAt, spliceText } from './slash-command';

describe('slashCommandAt', () => {
  it('finds a slash at the start of the answer or of a word, up to the caret', () => {
    expect(slashCommandAt('/спас', 5)).toEqual({ start: 0, end: 5, query: 'спас' });
    expect(slashCommandAt('Добрый день! /', 14)).toEqual({ start: 13, end: 14, query: '' });
    expect(slashCommandAt('строка\n/пр', 10)).toEqual({ start: 7, end: 10, query: 'пр' });
  });

  it('ignores a slash inside a word, a path, a finished word and one far from the caret', () => {
    expect(slashCommandAt('и/или', 5)).toBeNull();
    expect(slashCommandAt('https://x', 9)).toBeNull();
    expect(slashCommandAt('/a/b', 4)).toBeNull();
    expect(slashCommandAt('/спас ', 6)).toBeNull();
    expect(slashCommandAt('текст', 5)).toBeNull();
    expect(slashCommandAt(`/${'я'.repeat(40)}`, 41)).toBeNull();
  });

  it('reads a caret past the end (left from a longer text) as the end', () => {
    expect(slashCommandAt('', 12)).toBeNull();
    expect(slashCommandAt('/сп', 30)).toEqual({ start: 0, end: 3, query: 'сп' });
  });
});

describe('spliceText', () => {
  it('puts the text in place of the range and the caret after it', () => {
    expect(spliceText('Итак, /спас!', 6, 11, 'Спасибо, Анна')).toEqual({
      text: 'Итак, Спасибо, Анна!',
      caret: 19,
    });
    expect(spliceText('', 0, 0, '👍')).toEqual({ text: '👍', caret: 2 });
  });
});
