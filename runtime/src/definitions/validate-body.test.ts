import { describe, expect, it } from 'vitest';
import { validateDefinitionBody } from './validate-body.js';

const entity = (fields: unknown[], extra: object = {}) => ({
  schemaVersion: 1,
  label: { ru: 'Заявка' },
  fields,
  ...extra,
});
const text = (key: string, extra: object = {}) => ({ key, type: 'string', label: { ru: key }, ...extra });
const pointers = (problems: { pointer: string }[]) => problems.map((p) => p.pointer);

describe('validateDefinitionBody: entity', () => {
  it('accepts every field type with its options', () => {
    const body = entity([
      text('subject', { required: true, maxLength: 200, pattern: '^[^<>]*$' }),
      { key: 'body', type: 'richtext', label: { ru: 'Текст' } },
      { key: 'amount', type: 'money', label: { ru: 'Сумма' }, currency: 'RUB', min: 0 },
      {
        key: 'status',
        type: 'enum',
        label: { ru: 'Статус' },
        default: 'new',
        options: [
          { value: 'new', label: { ru: 'Новое' }, color: '#2563eb' },
          { value: 'done', label: { ru: 'Готово' } },
        ],
        transitions: { new: ['done'] },
      },
      { key: 'client', type: 'relation', label: { ru: 'Клиент' }, entity: 'client' },
      { key: 'files', type: 'file', label: { ru: 'Файлы' }, multiple: true, maxSizeMb: 10 },
      {
        key: 'items',
        type: 'table',
        label: { ru: 'Позиции' },
        columns: [text('name'), { key: 'qty', type: 'number', label: { ru: 'Кол-во' }, integer: true }],
      },
    ]);
    expect(validateDefinitionBody('entity', body)).toEqual([]);
  });

  it('names the field of an unknown type once, with the allowed types', () => {
    const problems = validateDefinitionBody(
      'entity',
      entity([{ key: 'x', type: 'nonsense', label: { ru: 'X' } }]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ pointer: '/fields/0/type', code: 'enum' });
    expect(problems[0]!.message).toContain('richtext');
  });

  it('refuses options that do not belong to the field type and unknown properties', () => {
    expect(pointers(validateDefinitionBody('entity', entity([text('a', { min: 3 })])))).toEqual([
      '/fields/0/min',
    ]);
    expect(pointers(validateDefinitionBody('entity', entity([text('a')], { colour: 'red' })))).toEqual([
      '/colour',
    ]);
  });

  it('reports missing required parts where they belong', () => {
    expect(pointers(validateDefinitionBody('entity', { schemaVersion: 1, fields: [text('a')] }))).toEqual([
      '/label',
    ]);
  });

  it('finds duplicate keys, bad limits, broken regexes, wrong defaults and dangling transitions', () => {
    const body = entity([
      text('a'),
      text('a'),
      { key: 'n', type: 'number', label: { ru: 'n' }, min: 5, max: 1 },
      text('r', { pattern: '([a-z' }),
      {
        key: 's',
        type: 'enum',
        label: { ru: 's' },
        options: [{ value: 'x', label: { ru: 'x' } }],
        transitions: { x: ['y'] },
      },
    ]);
    expect(pointers(validateDefinitionBody('entity', body))).toEqual([
      '/fields/1/key',
      '/fields/2/min',
      '/fields/3/pattern',
      '/fields/4/transitions/x/0',
    ]);
    const badDefault = entity([
      {
        key: 's',
        type: 'enum',
        label: { ru: 's' },
        default: 'zzz',
        options: [{ value: 'x', label: { ru: 'x' } }],
      },
    ]);
    expect(pointers(validateDefinitionBody('entity', badDefault))).toEqual(['/fields/0/default']);
    expect(
      pointers(validateDefinitionBody('entity', entity([text('a')], { titleField: 'missing' }))),
    ).toEqual(['/titleField']);
  });

  it('speaks Russian by default and English when asked', () => {
    const body = entity([text('a'), text('a')]);
    expect(validateDefinitionBody('entity', body)[0]!.message).toBe('Поле «a» уже есть');
    expect(validateDefinitionBody('entity', body, 'en')[0]!.message).toBe('Field "a" is defined twice');
    expect(
      validateDefinitionBody('entity', { schemaVersion: 1, fields: [text('a')] }, 'en')[0]!.message,
    ).toContain('must have required property');
  });
});

describe('validateDefinitionBody: form', () => {
  const form = (layout: unknown[]) => ({ schemaVersion: 1, entity: 'request', purpose: 'create', layout });

  it('accepts nested blocks, columns and tabs', () => {
    const layout = [
      {
        id: 'b',
        type: 'block',
        title: { ru: 'Блок' },
        children: [
          { id: 'f1', type: 'field', field: 'subject', width: 'half', visibleIf: "status == 'new'" },
        ],
      },
      {
        id: 'c',
        type: 'columns',
        columns: [
          { id: 'c1', width: 6, children: [{ id: 'f2', type: 'field', field: 'a' }] },
          { id: 'c2', children: [] },
        ],
      },
      {
        id: 't',
        type: 'tabs',
        tabs: [
          {
            id: 't1',
            title: { ru: 'Вкладка' },
            children: [
              { id: 'h', type: 'heading', text: { ru: 'Заголовок' }, level: 3 },
              { id: 'd', type: 'divider' },
            ],
          },
        ],
      },
    ];
    expect(validateDefinitionBody('form', form(layout))).toEqual([]);
  });

  it('points into nested elements and finds repeated ids and fields', () => {
    const layout: unknown[] = [
      {
        id: 'c',
        type: 'columns',
        columns: [{ id: 'c1', children: [{ id: 'x', type: 'field', field: 'a', bogus: true }] }],
      },
      { id: 'x', type: 'field', field: 'b' },
      { id: 'y', type: 'field', field: 'b' },
    ];
    expect(pointers(validateDefinitionBody('form', form(layout)))).toEqual([
      '/layout/0/columns/0/children/0/bogus',
    ]);
    layout[0] = {
      id: 'c',
      type: 'columns',
      columns: [{ id: 'c1', children: [{ id: 'x', type: 'field', field: 'a' }] }],
    };
    expect(pointers(validateDefinitionBody('form', form(layout)))).toEqual([
      '/layout/1/id',
      '/layout/2/field',
    ]);
  });
});

describe('validateDefinitionBody: other kinds', () => {
  it('checks process structure', () => {
    const body = {
      schemaVersion: 2,
      title: { ru: 'Согласование' },
      nodes: [
        {
          id: 'a',
          type: 'bpmn.userTask',
          typeVersion: 1,
          config: { assignee: { kind: 'role', value: 'x' } },
        },
      ],
      flows: [{ id: 'e', source: 'a', target: 'zzz' }],
    };
    expect(pointers(validateDefinitionBody('process', body))).toEqual(['/flows/0/target', '/nodes']);
  });

  it('finds dangling tree nodes', () => {
    const body = {
      schemaVersion: 2,
      title: { ru: 'Помощник' },
      root: 'r',
      nodes: [
        { id: 'r', title: { ru: 'Чем помочь?' }, children: ['a'] },
        { id: 'a', title: { ru: 'Пароль' } },
      ],
    };
    expect(pointers(validateDefinitionBody('tree', body))).toEqual(['/nodes/1']);
  });

  it('accepts minimal bodies of the remaining kinds', () => {
    const title = { ru: 'Т' };
    const line = { channels: [], order: 1, rules: [], groups: [], skills: [], priority: 0, capacity: 3 };
    const lineTimeout = { offerTimeoutSeconds: 60 };
    expect(validateDefinitionBody('bot', { schemaVersion: 2, title, triggers: [], blocks: [] })).toEqual([]);
    expect(
      validateDefinitionBody('script', { schemaVersion: 1, language: 'typescript', source: 'export {}' }),
    ).toEqual([]);
    expect(validateDefinitionBody('page', { schemaVersion: 1, title, path: '/help', rows: [] })).toEqual([]);
    expect(validateDefinitionBody('line', { ...line, ...lineTimeout, schemaVersion: 2, title })).toEqual([]);
    expect(
      validateDefinitionBody('template', {
        schemaVersion: 2,
        title,
        text: { ru: 'Здравствуйте!' },
        lines: [],
      }),
    ).toEqual([]);
    expect(
      pointers(
        validateDefinitionBody('line', { ...line, ...lineTimeout, schemaVersion: 2, title, capacity: 0 }),
      ),
    ).toEqual(['/capacity']);
  });
});
