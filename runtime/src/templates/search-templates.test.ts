import { describe, expect, it } from 'vitest';
import { type SearchableTemplate, searchTemplates } from './search-templates.js';

const t = (key: string, extra: Partial<SearchableTemplate> = {}): SearchableTemplate => ({
  key,
  title: { ru: key },
  text: { ru: '' },
  lines: [],
  ...extra,
});

const all = [
  t('thanks', { shortcut: 'спасибо', title: { ru: 'Благодарность', en: 'Thanks' } }),
  t('wait', { title: { ru: 'Спасибо за ожидание' }, shortcut: 'ждем' }),
  t('refund', { title: { ru: 'Возврат' }, tags: ['деньги'], text: { ru: 'Вернём деньги за 10 дней' } }),
  t('accounting', {
    title: { ru: 'Перевод в бухгалтерию' },
    lines: ['accounting'],
    text: { ru: 'Ещё минуту' },
  }),
  t('delivery', { title: { ru: 'Сроки доставки' }, lines: ['delivery'], shortcut: 'доставка' }),
];
const keys = (found: SearchableTemplate[]) => found.map((x) => x.key);

describe('searchTemplates', () => {
  it('ranks a shortcut prefix first, then a title prefix, then tags, then text', () => {
    expect(keys(searchTemplates(all, { q: 'спас', locale: 'ru', limit: 10 }))).toEqual(['thanks', 'wait']);
    expect(keys(searchTemplates(all, { q: 'ДЕНЬГ', locale: 'ru', limit: 10 }))).toEqual(['refund']);
    expect(keys(searchTemplates(all, { q: 'thanks', locale: 'en', limit: 10 }))).toEqual(['thanks']);
  });

  it('reads ё as е both ways', () => {
    expect(keys(searchTemplates(all, { q: 'ждём', locale: 'ru', limit: 10 }))).toEqual(['wait']);
    expect(keys(searchTemplates(all, { q: 'еще', locale: 'ru', limit: 10 }))).toEqual(['accounting']);
  });

  it('offers a line only its own templates and those for every line', () => {
    expect(keys(searchTemplates(all, { line: 'delivery', locale: 'ru', limit: 10 }))).toEqual([
      'delivery',
      'wait',
      'thanks',
      'refund',
    ]);
    expect(keys(searchTemplates(all, { locale: 'ru', limit: 10 }))).toHaveLength(5);
  });

  it('returns at most `limit`', () => {
    expect(searchTemplates(all, { locale: 'ru', limit: 2 })).toHaveLength(2);
  });

  it('treats the query as text, not a pattern', () => {
    expect(keys(searchTemplates(all, { q: '.*', locale: 'ru', limit: 10 }))).toEqual([]);
  });
});
