import { describe, expect, it } from 'vitest';
import { migrateDefinitionBody } from '../migrations.js';
import { checkReferences } from '../references.js';
import { validateDefinitionBody } from '../validate-body.js';

const body = (text: string, extra: Record<string, unknown> = {}) => ({
  schemaVersion: 2,
  title: { ru: 'Приветствие' },
  text: { ru: text },
  lines: [],
  ...extra,
});

describe('template kind', () => {
  it('accepts a template with a shortcut, tags, lines and known variables', () => {
    expect(
      validateDefinitionBody(
        'template',
        body('Здравствуйте, {{client.firstName}}! Я {{ operator.name }}.', {
          shortcut: 'привет',
          tags: ['начало'],
          lines: ['accounting'],
        }),
      ),
    ).toEqual([]);
  });

  it('refuses an unknown variable and unbalanced braces, pointing at the text of that language', () => {
    const problems = validateDefinitionBody(
      'template',
      {
        ...body('Здравствуйте, {{client.nmae}}!'),
        text: { ru: 'Здравствуйте, {{client.nmae}}!', en: 'Hi {{client.name' },
      },
      'en',
    );
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/text/ru', 'template-variable'],
      ['/text/en', 'template-braces'],
    ]);
    expect(problems[0]?.message).toContain('{{client.nmae}}');
    expect(problems[0]?.message).toContain('{{client.name}}');
    expect(validateDefinitionBody('template', body('}} oops'))[0]?.code).toBe('template-braces');
  });

  it('refuses a shortcut of two words', () => {
    expect(
      validateDefinitionBody('template', body('x', { shortcut: 'два слова' })).map((p) => p.pointer),
    ).toEqual(['/shortcut']);
  });

  it('lifts a version 1 body: offered on every line, {{operator}} becomes {{operator.name}}', () => {
    const v1 = {
      schemaVersion: 1,
      title: { ru: 'П' },
      text: { ru: 'Меня зовут {{operator}}, {{ client }}.', en: 'I am {{operator}} {{other}}' },
      tags: ['a'],
    };
    const lifted = migrateDefinitionBody('template', v1);
    expect(lifted).toEqual({
      schemaVersion: 2,
      title: { ru: 'П' },
      text: { ru: 'Меня зовут {{operator.name}}, {{client.name}}.', en: 'I am {{operator.name}} {{other}}' },
      tags: ['a'],
      lines: [],
    });
    expect(v1.schemaVersion).toBe(1);
  });

  it('offers itself only on published lines: a missing one is refused at publish, pointing at it', () => {
    const published = new Set(['line:accounting']);
    const resolve = (kind: string, key: string) => (published.has(`${kind}:${key}`) ? {} : undefined);
    expect(checkReferences('template', body('x', { lines: ['accounting'] }), resolve)).toEqual([]);
    expect(
      checkReferences('template', body('x', { lines: ['accounting', 'gone'] }), resolve).map(
        (p) => p.pointer,
      ),
    ).toEqual(['/lines/1']);
  });
});
