import { describe, expect, it } from 'vitest';
import { draftOf, dropDraft, keepDraft } from './draft-store';

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
});
