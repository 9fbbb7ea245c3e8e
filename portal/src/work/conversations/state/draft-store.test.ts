import { describe, expect, it } from 'vitest';
import { draftOf, dropDraft, isNoteMode, keepDraft, keepNoteMode } from './draft-store';

describe('drafts per dialog', () => {
  it('keeps each dialog’s unsent text apart and forgets it when the tab closes', () => {
    keepDraft('a', 'Анна, проверяю');
    keepDraft('b', 'Борис, заказ в пути');
    expect(draftOf('a')).toBe('Анна, проверяю');
    expect(draftOf('b')).toBe('Борис, заказ в пути');
    expect(draftOf(null)).toBe('');
    keepDraft('a', '');
    expect(draftOf('a')).toBe('');
    dropDraft('b');
    expect(draftOf('b')).toBe('');
  });

  it('bounds a draft like an answer', () => {
    keepDraft('long', 'я'.repeat(30_000));
    expect(draftOf('long')).toHaveLength(20_000);
  });

  it('keeps a dialog’s note toggle until the tab closes', () => {
    keepNoteMode('note', true);
    expect(isNoteMode('note')).toBe(true);
    expect(isNoteMode('other')).toBe(false);
    expect(isNoteMode(null)).toBe(false);
    keepNoteMode('note', false);
    expect(isNoteMode('note')).toBe(false);
    keepNoteMode('note', true);
    dropDraft('note');
    expect(isNoteMode('note')).toBe(false);
  });
});
