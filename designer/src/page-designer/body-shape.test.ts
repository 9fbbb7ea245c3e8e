import { describe, expect, it } from 'vitest';
import { isDrawablePage, isDrawablePortal } from './body-shape';

describe('drawable bodies', () => {
  it('accept a page of rows, columns and widgets, refuse a broken structure', () => {
    const page = {
      title: { ru: 'Главная' },
      path: '/',
      rows: [
        { id: 'r', columns: [{ id: 'c', width: 12, widgets: [{ id: 'w', type: 'search', config: {} }] }] },
      ],
    };
    expect(isDrawablePage(page)).toBe(true);
    expect(isDrawablePage({ ...page, rows: {} })).toBe(false);
    expect(isDrawablePage({ ...page, rows: [{ id: 'r', columns: [{ id: 'c', width: 12 }] }] })).toBe(false);
    expect(isDrawablePage(null)).toBe(false);
  });
  it('accept a portal with a name, colours and a menu', () => {
    const portal = {
      name: { ru: 'Поддержка' },
      colors: { primary: '#2563eb' },
      menu: [{ id: 'kb', label: { ru: 'База' }, to: '/kb' }],
    };
    expect(isDrawablePortal(portal)).toBe(true);
    expect(isDrawablePortal({ ...portal, menu: [{ id: 'kb' }] })).toBe(false);
  });
});
