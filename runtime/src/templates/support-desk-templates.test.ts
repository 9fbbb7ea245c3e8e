import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../definitions/bundle.js';
import type { TemplateBody } from '../definitions/template/schema.js';
import { validateDefinitionBody } from '../definitions/validate-body.js';
import { renderLocalized } from './render-template.js';

const bundle = JSON.parse(
  readFileSync(new URL('../../../templates/support-desk/bundle.json', import.meta.url), 'utf8'),
) as Bundle;
const templates = bundle.definitions.filter((d) => d.kind === 'template');

describe('the support desk’s answer templates', () => {
  it('are 15 or more, valid, published, in Russian and English, each with its own shortcut', () => {
    expect(templates.length).toBeGreaterThanOrEqual(15);
    const shortcuts = new Set<string>();
    for (const { key, body, published } of templates) {
      expect(validateDefinitionBody('template', body), key).toEqual([]);
      expect(published, key).toBe(true);
      const template = body as TemplateBody;
      expect(template.text.en, key).toBeTruthy();
      expect(template.shortcut, key).toBeTruthy();
      shortcuts.add(template.shortcut as string);
    }
    expect(shortcuts.size).toBe(templates.length);
  });

  it('render with a dialog’s values and, without them, with stand-ins and no braces left', () => {
    for (const { key, body } of templates) {
      const { text } = body as TemplateBody;
      for (const locale of ['ru', 'en'] as const) {
        expect(renderLocalized(text, {}, locale), key).not.toContain('{{');
        expect(renderLocalized(text, { clientName: 'Анна Смирнова' }, locale), key).not.toContain('}}');
      }
    }
    const thanks = templates.find((d) => (d.body as TemplateBody).shortcut === 'спасибо')
      ?.body as TemplateBody;
    expect(renderLocalized(thanks.text, { clientName: 'Анна Смирнова' }, 'ru')).toMatch(/^Анна, спасибо/);
  });
});
