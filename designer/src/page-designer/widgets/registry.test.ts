import { pageWidgetConfigs, pageWidgetTypes, validateDefinitionBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { ru } from '../i18n';
import { newWidget } from '../widget-factory';
import { widgetPanels } from './registry';

describe('widget panels', () => {
  it('exist for every widget type of the page schema, and for nothing else', () => {
    expect(Object.keys(widgetPanels).sort()).toEqual([...pageWidgetTypes].sort());
    expect(Object.keys(widgetPanels).sort()).toEqual(Object.keys(pageWidgetConfigs).sort());
    for (const type of pageWidgetTypes) expect(typeof widgetPanels[type]).toBe('function');
  });

  it('come with a Russian name and a one-line description for the palette', () => {
    for (const type of pageWidgetTypes) {
      expect(ru.widgets[type].name.length).toBeGreaterThan(0);
      expect(ru.widgets[type].description).not.toContain('\n');
    }
  });

  it('start from settings the schema accepts, when trees and portal forms exist', () => {
    const lookups = {
      trees: [{ key: 'support', name: 'Поддержка' }],
      forms: [{ key: 'feedback', name: 'Обратная связь', portal: true }],
      categories: [],
      failed: [],
    };
    const base = { schemaVersion: 1 as const, title: { ru: 'Главная' }, path: '/', rows: [] };
    const widgets = pageWidgetTypes
      .filter((type) => type !== 'articles-by-tag') // its tag is the analyst's to choose
      .map((type) => newWidget(type, base, lookups));
    const body = { ...base, rows: [{ id: 'row', columns: [{ id: 'column', width: 12, widgets }] }] };
    expect(validateDefinitionBody('page', body, 'ru')).toEqual([]);
  });
});
