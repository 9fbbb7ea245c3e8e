import { describe, expect, it } from 'vitest';
import { applyDefaults, recordTitle, searchableText } from './record-data.js';
import { compileRecordValidator } from './record-validator.js';
import type { EntityBody } from './schema.js';

const entity = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  titleField: 'subject',
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема', en: 'Subject' }, required: true },
    { key: 'body', type: 'richtext', label: { ru: 'Текст' } },
    {
      key: 'priority',
      type: 'number',
      label: { ru: 'Приоритет' },
      min: 1,
      max: 5,
      integer: true,
      default: 3,
    },
    {
      key: 'status',
      type: 'enum',
      label: { ru: 'Статус' },
      options: [{ value: 'new', label: { ru: 'Новое', en: 'New' } }],
    },
    { key: 'email', type: 'email', label: { ru: 'Почта' } },
    { key: 'site', type: 'url', label: { ru: 'Сайт' } },
    { key: 'due', type: 'date', label: { ru: 'Срок' } },
    { key: 'client', type: 'relation', label: { ru: 'Клиент' }, entity: 'client' },
    { key: 'watchers', type: 'user', label: { ru: 'Наблюдатели' }, multiple: true },
    {
      key: 'lines',
      type: 'table',
      label: { ru: 'Строки' },
      columns: [{ key: 'name', type: 'string', label: { ru: 'Название' }, required: true }],
    },
  ],
} as EntityBody;

const validate = compileRecordValidator(entity);
const pointers = (data: unknown, partial = false) => validate(data, { partial }).map((p) => p.pointer);

describe('compileRecordValidator', () => {
  it('accepts valid data and null for optional fields', () => {
    const data = {
      subject: 'Не могу войти',
      priority: 2,
      status: 'new',
      email: 'a@b.ru',
      site: 'https://example.org',
      due: '2026-12-01',
      client: '3f2a1b9c-1d2e-4f50-8a9b-0c1d2e3f4a5b',
      watchers: [],
      lines: [{ name: 'x' }],
      body: null,
    };
    expect(validate(data)).toEqual([]);
  });

  it('reports each bad field by its pointer and label', () => {
    const problems = validate({
      subject: '',
      priority: 2.5,
      status: 'old',
      email: 'nope',
      site: 'ftp://x',
      due: '01.12.2026',
      client: 'abc',
      lines: [{}],
      extra: 1,
    });
    expect(problems.map((p) => p.pointer).sort()).toEqual(
      [
        '/client',
        '/due',
        '/email',
        '/extra',
        '/lines/0/name',
        '/priority',
        '/site',
        '/status',
        '/subject',
      ].sort(),
    );
    expect(problems.find((p) => p.pointer === '/subject')?.message).toBe('Заполните поле «Тема»');
    expect(problems.find((p) => p.pointer === '/extra')?.message).toBe('Неизвестное поле «extra»');
    expect(problems.find((p) => p.pointer === '/priority')?.message).toMatch(/^«Приоритет»: /);
  });

  it('uses English labels when asked', () => {
    expect(compileRecordValidator(entity, 'en')({})[0]?.message).toBe('"Subject" is required');
  });

  it('skips the required check for partial changes', () => {
    expect(pointers({ priority: 4 }, true)).toEqual([]);
    expect(pointers({ priority: 9 }, true)).toEqual(['/priority']);
  });
});

describe('record data helpers', () => {
  it('fills defaults without touching given values', () => {
    expect(applyDefaults(entity, { subject: 'a' })).toEqual({ subject: 'a', priority: 3 });
    expect(applyDefaults(entity, { subject: 'a', priority: 1 }).priority).toBe(1);
  });

  it('indexes text, stripped HTML and option labels; titles from the title field', () => {
    const text = searchableText(entity, {
      subject: 'Пароль',
      body: '<p>Не <b>приходит</b> письмо&nbsp;</p><script>x()</script>',
      status: 'new',
    });
    expect(text).toBe('Пароль\nНе приходит письмо\nНовое\nNew');
    expect(recordTitle(entity, { subject: 'Пароль' })).toBe('Пароль');
  });
});
