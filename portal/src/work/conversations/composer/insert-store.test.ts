import { describe, expect, it } from 'vitest';
import { insertIntoComposer, onComposerInsert, withInsertion } from './insert-store';

describe('insertIntoComposer', () => {
  it('hands the text to the open answer box of that dialog only', () => {
    const got: string[] = [];
    const other: string[] = [];
    const stop = onComposerInsert('c1', (text) => got.push(text));
    const stopOther = onComposerInsert('c2', (text) => other.push(text));
    expect(insertIntoComposer('c1', 'ссылка')).toBe(true);
    expect(got).toEqual(['ссылка']);
    expect(other).toEqual([]);
    stop();
    stopOther();
  });

  it('keeps what arrives before the box opens and hands it over once', () => {
    expect(insertIntoComposer('c3', 'первое')).toBe(false);
    expect(insertIntoComposer('c3', 'второе')).toBe(false);
    const got: string[] = [];
    const stop = onComposerInsert('c3', (text) => got.push(text));
    expect(got).toEqual(['первое', 'второе']);
    stop();
    const again: string[] = [];
    onComposerInsert('c3', (text) => again.push(text))();
    expect(again).toEqual([]);
  });

  it('stops delivering after unsubscribing', () => {
    const got: string[] = [];
    onComposerInsert('c4', (text) => got.push(text))();
    expect(insertIntoComposer('c4', 'позже')).toBe(false);
    expect(got).toEqual([]);
  });
});

describe('withInsertion', () => {
  it('fills an empty box', () => {
    expect(withInsertion('', 0, 'https://x/kb/a')).toEqual({ text: 'https://x/kb/a', caret: 14 });
  });

  it('keeps words apart at the caret and puts the caret after the insertion', () => {
    expect(withInsertion('Смотрите статью', 8, 'тут')).toEqual({ text: 'Смотрите тут статью', caret: 12 });
    expect(withInsertion('Смотрите', 8, 'тут')).toEqual({ text: 'Смотрите тут', caret: 12 });
  });

  it('starts a block of several lines on its own paragraph', () => {
    expect(withInsertion('Вот как:', 8, 'шаг 1\nшаг 2').text).toBe('Вот как:\n\nшаг 1\nшаг 2');
  });

  it('clamps a caret outside the text to its end', () => {
    expect(withInsertion('абв', 99, 'г').text).toBe('абв г');
    expect(withInsertion('абв', -1, 'г').text).toBe('г абв');
  });
});
