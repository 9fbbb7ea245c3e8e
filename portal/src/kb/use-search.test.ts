import type { SearchHit } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { tagsToOffer } from './use-search';

const hit = (tags: string[]): SearchHit => ({
  id: tags.join(),
  key: 'k',
  title: [],
  snippet: [],
  summary: '',
  categoryId: null,
  tags,
  updatedAt: '2025-01-01T00:00:00Z',
});

describe('tags to offer', () => {
  it('puts the chosen tag first, then the most frequent', () => {
    const hits = [hit(['вход', 'пароль']), hit(['пароль', 'sms']), hit(['пароль', 'вход'])];
    expect(tagsToOffer(hits, '')).toEqual(['пароль', 'вход', 'sms']);
    expect(tagsToOffer(hits, 'sms')).toEqual(['sms', 'пароль', 'вход']);
    expect(tagsToOffer(hits, 'нет такой')).toEqual(['нет такой', 'пароль', 'вход', 'sms']);
    expect(tagsToOffer(hits, '', 2)).toEqual(['пароль', 'вход']);
  });
});
