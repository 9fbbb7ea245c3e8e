import type { Active, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import './i18n';
import { menuDragTexts } from './menu-dnd-texts';

const active = { id: 'b' } as Active;
const over = { id: 'c' } as Over;

describe('what a screen reader hears while a menu item moves', () => {
  it('speaks Russian, naming items by their place', async () => {
    await i18n.changeLanguage('ru');
    const { announcements, screenReaderInstructions } = menuDragTexts(i18n.t, ['a', 'b', 'c']);
    expect(announcements.onDragStart({ active })).toBe('Пункт 2 поднят.');
    expect(announcements.onDragOver({ active, over })).toBe('Пункт 2 над местом 3.');
    expect(announcements.onDragEnd({ active, over })).toBe('Пункт 2 поставлен на место 3.');
    expect(announcements.onDragCancel({ active, over: null })).toBe(
      'Перемещение отменено, пункт 2 на прежнем месте.',
    );
    expect(screenReaderInstructions.draggable).toMatch(/^Чтобы переместить пункт/);
  });

  it('speaks English when the UI does', async () => {
    await i18n.changeLanguage('en');
    const { announcements } = menuDragTexts(i18n.t, ['a', 'b', 'c']);
    expect(announcements.onDragEnd({ active, over: null })).toBe('Item 2 dropped.');
    await i18n.changeLanguage('ru');
  });
});
