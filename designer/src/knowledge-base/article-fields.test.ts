import type { Article } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { changedFields, emptyFields, fieldsOf, helpfulPercent, toInput } from './article-fields';

const article: Article = {
  id: 'a1',
  key: 'kak-smenit-parol',
  title: 'Как сменить пароль',
  summary: 'Коротко',
  state: 'draft',
  audience: 'clients',
  categoryId: 'c1',
  tags: ['пароль'],
  views: 0,
  helpful: 0,
  notHelpful: 0,
  version: 3,
  updatedAt: '2025-03-09T10:00:00Z',
  updatedBy: 'admin',
  publishedAt: null,
  body: '<p>Текст</p>',
  related: [{ id: 'a2', key: 'login', title: 'Вход' }],
  createdAt: '2025-03-09T10:00:00Z',
  createdBy: 'admin',
};

describe('article fields', () => {
  it('see no change right after loading, and each change after', () => {
    const saved = fieldsOf(article);
    expect(changedFields(fieldsOf(article), saved)).toEqual([]);
    expect(changedFields({ ...saved, tags: ['пароль', 'вход'] }, saved)).toEqual(['tags']);
    expect(changedFields({ ...saved, related: [] }, saved)).toEqual(['related']);
    expect(changedFields({ ...saved, body: '<p>Новый</p>', title: 'X' }, saved)).toEqual(['title', 'body']);
  });

  it('make the key from the title when none was typed', () => {
    expect(toInput({ ...emptyFields(' Как сменить пароль '), body: '<p></p>' })).toEqual({
      key: 'kak-smenit-parol',
      title: 'Как сменить пароль',
      summary: '',
      body: '',
      categoryId: null,
      tags: [],
      audience: 'public',
      related: [],
    });
    expect(toInput({ ...emptyFields('Как сменить пароль'), key: 'parol' }).key).toBe('parol');
    expect('key' in toInput(emptyFields('?!'))).toBe(false);
    expect(toInput(fieldsOf(article)).related).toEqual(['a2']);
  });

  it('count the helpful share', () => {
    expect(helpfulPercent(0, 0)).toBeNull();
    expect(helpfulPercent(7, 1)).toBe(88);
    expect(helpfulPercent(0, 3)).toBe(0);
  });
});
