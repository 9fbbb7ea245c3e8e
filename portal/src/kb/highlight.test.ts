import { describe, expect, it } from 'vitest';
import { markTyped, partsText, toSegments } from './highlight';

describe('toSegments', () => {
  it('keeps marked and plain runs in order', () => {
    expect(
      toSegments([
        { text: 'Как сменить ', match: false },
        { text: 'пароль', match: true },
      ]),
    ).toEqual([
      { text: 'Как сменить ', mark: false },
      { text: 'пароль', mark: true },
    ]);
  });

  it('joins neighbours of one kind and drops empty parts', () => {
    expect(
      toSegments([
        { text: '', match: true },
        { text: 'a', match: false },
        { text: 'b', match: false },
        { text: 'c', match: true },
        { text: '', match: false },
        { text: 'd', match: true },
      ]),
    ).toEqual([
      { text: 'ab', mark: false },
      { text: 'cd', mark: true },
    ]);
  });

  it('treats markup in the text as text (it is rendered by React, escaped)', () => {
    const segments = toSegments([{ text: '<img src=x onerror=alert(1)>', match: true }]);
    expect(segments).toEqual([{ text: '<img src=x onerror=alert(1)>', mark: true }]);
  });

  it('accepts nothing', () => {
    expect(toSegments(undefined)).toEqual([]);
    expect(toSegments(null)).toEqual([]);
    expect(partsText(undefined)).toBe('');
  });

  it('gives the plain text back', () => {
    expect(
      partsText([
        { text: 'Смена ', match: false },
        { text: 'пароля', match: true },
      ]),
    ).toBe('Смена пароля');
  });
});

describe('markTyped', () => {
  it('marks the title words that begin like the typed ones, whatever the case and form', () => {
    expect(markTyped('Как сменить пароль', 'ПАРОЛИ')).toEqual([
      { text: 'Как сменить ', mark: false },
      { text: 'пароль', mark: true },
    ]);
    expect(markTyped('Восстановление пароля', 'восстановлению пар')).toEqual([
      { text: 'Восстановление', mark: true },
      { text: ' ', mark: false },
      { text: 'пароля', mark: true },
    ]);
  });

  it('marks only at the beginning of words', () => {
    expect(markTyped('Запароленный архив', 'пар')).toEqual([{ text: 'Запароленный архив', mark: false }]);
  });

  it('ignores one-letter words and punctuation, and is safe with regexp characters', () => {
    expect(markTyped('Ошибка 500 (сервер)', 'a (сервер) .*')).toEqual([
      { text: 'Ошибка 500 (', mark: false },
      { text: 'сервер', mark: true },
      { text: ')', mark: false },
    ]);
    expect(markTyped('Смена e-mail', '?')).toEqual([{ text: 'Смена e-mail', mark: false }]);
  });

  it('handles emoji and an empty title', () => {
    expect(markTyped('Привет 👋 мир', '👋 мир')).toEqual([
      { text: 'Привет 👋 ', mark: false },
      { text: 'мир', mark: true },
    ]);
    expect(markTyped('', 'пароль')).toEqual([]);
  });
});
