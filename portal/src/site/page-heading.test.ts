import type { PageBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { needsHiddenTitle } from './page-heading';

const page = (widgets: unknown[]): PageBody =>
  ({
    schemaVersion: 1,
    title: { ru: 'Главная' },
    path: '/',
    rows: [{ id: 'r', columns: [{ id: 'c', width: 12, widgets }] }],
  }) as PageBody;

describe('page heading', () => {
  it('lets a titled first widget be the h1', () => {
    expect(
      needsHiddenTitle(page([{ id: 's', type: 'search', config: { title: { ru: 'Чем помочь?' } } }])),
    ).toBe(false);
    expect(needsHiddenTitle(page([{ id: 'p', type: 'popular-articles', config: {} }]))).toBe(false);
    expect(needsHiddenTitle(page([{ id: 't', type: 'rich-text', config: { html: '<h1>О нас</h1>' } }]))).toBe(
      false,
    );
  });
  it('adds a hidden page title otherwise', () => {
    expect(needsHiddenTitle(page([]))).toBe(true);
    expect(needsHiddenTitle(page([{ id: 's', type: 'search', config: {} }]))).toBe(true);
    expect(needsHiddenTitle(page([{ id: 't', type: 'rich-text', config: { html: '<h2>О нас</h2>' } }]))).toBe(
      true,
    );
  });
});
