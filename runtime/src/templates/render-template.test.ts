import { describe, expect, it } from 'vitest';
import { firstNameOf } from './first-name.js';
import { parseTemplate } from './parse-template.js';
import { renderLocalized, renderTemplate } from './render-template.js';

describe('renderTemplate', () => {
  const values = { clientName: 'Анна Смирнова', operatorName: 'Ольга Петрова', companyName: 'ООО «Ромашка»' };

  it('fills every variable of the fixed set, with or without spaces inside the braces', () => {
    expect(
      renderTemplate(
        'Здравствуйте, {{client.firstName}}! Меня зовут {{ operator.firstName }} ({{operator.name}}), {{company.name}}. {{client.name}}',
        values,
        'ru',
      ),
    ).toBe('Здравствуйте, Анна! Меня зовут Ольга (Ольга Петрова), ООО «Ромашка». Анна Смирнова');
  });

  it('puts a polite stand-in where the dialog has no value (blank counts as none)', () => {
    expect(renderTemplate('Здравствуйте, {{client.firstName}}!', { clientName: '  ' }, 'ru')).toBe(
      'Здравствуйте, уважаемый клиент!',
    );
    expect(renderTemplate('Hello, {{client.name}}, this is {{company.name}}', {}, 'en')).toBe(
      'Hello, dear customer, this is our company',
    );
  });

  it('treats values as plain text: replacement patterns and braces inside a name are not interpreted', () => {
    expect(renderTemplate('Привет, {{client.name}}!', { clientName: "$& $' {{operator.name}}" }, 'ru')).toBe(
      "Привет, $& $' {{operator.name}}!",
    );
  });

  it('leaves an unknown variable and stray braces as written, for the operator to see', () => {
    expect(renderTemplate('{{client.nmae}} и {{ }} и {{ и }}', values, 'ru')).toBe(
      '{{client.nmae}} и {{ }} и {{ и }}',
    );
    expect(renderTemplate('a {{ b {{client.name}}', values, 'ru')).toBe('a {{ b Анна Смирнова');
  });

  it('uses the English text when asked and there is one, the Russian otherwise (stand-ins follow the text)', () => {
    const text = { ru: 'Спасибо, {{client.firstName}}!', en: 'Thank you, {{client.firstName}}!' };
    expect(renderLocalized(text, {}, 'en')).toBe('Thank you, dear customer!');
    expect(renderLocalized({ ru: text.ru }, {}, 'en')).toBe('Спасибо, уважаемый клиент!');
  });
});

describe('parseTemplate', () => {
  it('reports a {{ that is never closed and a }} that opens nothing, with their offsets', () => {
    expect(parseTemplate('ok {{client.name').problems).toEqual([{ kind: 'unclosed', at: 3 }]);
    expect(parseTemplate('ok }} {{client.name}}').problems).toEqual([{ kind: 'unopened', at: 3 }]);
    expect(parseTemplate('{{ {{client.name}}').problems).toEqual([{ kind: 'unclosed', at: 0 }]);
    expect(parseTemplate('{ single } braces').problems).toEqual([]);
  });
});

describe('firstNameOf', () => {
  it('takes the first word, or the middle one after a surname when a patronymic follows', () => {
    expect(firstNameOf('Анна Смирнова')).toBe('Анна');
    expect(firstNameOf('Смирнова Анна Петровна')).toBe('Анна');
    expect(firstNameOf('Иванов Иван Ильич')).toBe('Иван');
    expect(firstNameOf('  John  ')).toBe('John');
    expect(firstNameOf('')).toBe('');
  });
});
