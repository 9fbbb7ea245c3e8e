import { describe, expect, it } from 'vitest';
import { checkReferences, collectReferences } from './references.js';

const request = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  fields: [{ key: 'subject', type: 'string', label: { ru: 'Тема' } }],
};
const form = {
  schemaVersion: 1,
  entity: 'request',
  purpose: 'create',
  layout: [
    {
      id: 'c',
      type: 'columns',
      columns: [
        { id: 'c1', children: [] },
        { id: 'c2', children: [{ id: 'f', type: 'field', field: 'missing' }] },
      ],
    },
  ],
};

describe('references', () => {
  it('collects the entity and every field a form uses', () => {
    expect(collectReferences('form', form)).toEqual([
      { pointer: '/entity', kind: 'entity', key: 'request' },
      { pointer: '/layout/0/columns/1/children/0/field', kind: 'entity', key: 'request', field: 'missing' },
    ]);
  });

  it('reports a missing entity and a missing field where they are named', () => {
    expect(checkReferences('form', form, () => undefined).map((p) => p.pointer)).toEqual([
      '/entity',
      '/layout/0/columns/1/children/0/field',
    ]);
    const problems = checkReferences('form', form, () => request, 'en');
    expect(problems).toEqual([
      {
        pointer: '/layout/0/columns/1/children/0/field',
        code: 'reference',
        message: 'Data type "request" has no field "missing"',
      },
    ]);
  });

  it('collects references of processes, trees, pages and entity relations', () => {
    const process = {
      schemaVersion: 2,
      title: { ru: 'p' },
      entity: 'request',
      nodes: [
        { id: 's', type: 'bpmn.serviceTask', typeVersion: 1, config: { action: 'script', script: 'lookup' } },
      ],
      flows: [],
    };
    expect(collectReferences('process', process).map((r) => `${r.kind}:${r.key}`)).toEqual([
      'entity:request',
      'script:lookup',
    ]);
    const tree = {
      schemaVersion: 2,
      title: { ru: 't' },
      root: 'r',
      nodes: [
        { id: 'r', title: { ru: 'r' }, children: ['c'] },
        { id: 'c', title: { ru: 'c' }, leaf: { type: 'contact', channel: 'form', form: 'feedback' } },
      ],
    };
    expect(collectReferences('tree', tree)).toEqual([
      { pointer: '/nodes/1/leaf/form', kind: 'form', key: 'feedback' },
    ]);
    const page = {
      schemaVersion: 1,
      title: { ru: 'p' },
      path: '/',
      rows: [
        {
          id: 'r',
          columns: [
            {
              id: 'c',
              width: 12,
              widgets: [{ id: 'w', type: 'feedback-form', config: { form: 'feedback' } }],
            },
          ],
        },
      ],
    };
    expect(collectReferences('page', page)[0]?.pointer).toBe('/rows/0/columns/0/widgets/0/config/form');
    const entity = {
      ...request,
      fields: [{ key: 'c', type: 'relation', label: { ru: 'c' }, entity: 'client' }],
    };
    expect(collectReferences('entity', entity)).toEqual([
      { pointer: '/fields/0/entity', kind: 'entity', key: 'client' },
    ]);
  });

  it('collects the channels a line and its rules name, and reports a missing one where it is named', () => {
    const line = {
      schemaVersion: 2,
      title: { ru: 'Бухгалтерия' },
      channels: ['site-chat'],
      order: 10,
      rules: [{ id: 'r', channels: ['site-chat', 'telegram'] }],
      groups: [],
      skills: [],
      priority: 0,
      capacity: 3,
      offerTimeoutSeconds: 60,
    };
    expect(collectReferences('line', line).map((r) => `${r.kind}:${r.key}@${r.pointer}`)).toEqual([
      'channel:site-chat@/channels/0',
      'channel:site-chat@/rules/0/channels/0',
      'channel:telegram@/rules/0/channels/1',
    ]);
    const published = (kind: string, key: string) =>
      kind === 'channel' && key === 'site-chat' ? {} : undefined;
    expect(checkReferences('line', line, published, 'en')).toEqual([
      { pointer: '/rules/0/channels/1', code: 'reference', message: '"telegram" (channel) is not published' },
    ]);
  });
});
