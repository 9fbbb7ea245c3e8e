import type { PortalBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { addMenuItem, moveMenuItem, removeMenuItem, updateMenuItem, validTarget } from './menu-ops';

const menu: PortalBody['menu'] = [
  { id: 'kb', label: { ru: 'База знаний' }, to: '/kb' },
  { id: 'item', label: { ru: 'Помощь' }, to: '/help/support' },
];

describe('portal menu operations', () => {
  it('adds items with fresh ids at the end', () => {
    const { menu: next, id } = addMenuItem(menu, { label: { ru: 'Сайт' }, to: 'https://example.com' });
    expect(id).toBe('item-2');
    expect(next.map((i) => i.id)).toEqual(['kb', 'item', 'item-2']);
    expect(menu).toHaveLength(2);
  });
  it('reorders, clamping the target and keeping the menu when nothing moves', () => {
    expect(moveMenuItem(menu, 'item', 0).map((i) => i.id)).toEqual(['item', 'kb']);
    expect(moveMenuItem(menu, 'kb', 9).map((i) => i.id)).toEqual(['item', 'kb']);
    expect(moveMenuItem(menu, 'kb', 0)).toBe(menu);
  });
  it('updates and removes by id', () => {
    const renamed = updateMenuItem(menu, 'kb', { id: 'kb', label: { ru: 'Статьи' }, to: '/kb' });
    expect(renamed[0]?.label.ru).toBe('Статьи');
    expect(removeMenuItem(menu, 'kb').map((i) => i.id)).toEqual(['item']);
  });
  it('accepts portal paths and web addresses only', () => {
    expect(validTarget('/kb')).toBe(true);
    expect(validTarget('https://example.com/a')).toBe(true);
    expect(validTarget('example.com')).toBe(false);
    expect(validTarget('javascript:alert(1)')).toBe(false);
  });
});
