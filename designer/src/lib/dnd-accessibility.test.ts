import type { Active, Over } from '@dnd-kit/core';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import ru from '../i18n/ru.json';
import { byLabel, dndAccessibility } from './dnd-accessibility';

const active = { id: 'palette:field:subject', data: { current: undefined } } as unknown as Active;
const over = { id: 'container:root', data: { current: { label: 'Форма' } } } as unknown as Over;

describe('dndAccessibility', () => {
  beforeAll(async () => {
    await i18n.init({ lng: 'ru', resources: { ru: { translation: ru }, en: { translation: en } } });
  });

  it('tells screen readers about a drag in Russian', () => {
    const { announcements, screenReaderInstructions } = dndAccessibility(i18n.t);
    const heard = [
      screenReaderInstructions.draggable,
      announcements.onDragStart({ active }),
      announcements.onDragOver({ active, over }),
      announcements.onDragEnd({ active, over }),
      announcements.onDragEnd({ active, over: null }),
      announcements.onDragCancel({ active, over: null }),
    ];
    for (const text of heard) {
      expect(text).toMatch(/[а-яё]/i);
      expect(text).not.toMatch(/draggable|droppable|\{\{/i);
    }
    expect(announcements.onDragEnd({ active, over })).toContain('«subject»');
    expect(announcements.onDragEnd({ active, over })).toContain('«Форма»');
  });

  it('speaks English in the English UI', async () => {
    const t = i18n.getFixedT('en');
    expect(dndAccessibility(t).announcements.onDragStart({ active })).toMatch(/^Picked up «subject»/);
  });

  it('names items by their label, else by their id without prefixes', () => {
    expect(byLabel('column:c1', undefined)).toBe('c1');
    expect(byLabel('w1', { label: 'Баннер' })).toBe('Баннер');
  });
});
