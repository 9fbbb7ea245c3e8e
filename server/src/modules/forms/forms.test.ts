import { requestForm, requestType } from '@opora/runtime/test-fixtures/request-form';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFixture } from '../../testing/http-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('form submission on $name', (target) => {
  let h: Harness;
  let analyst: Record<string, string>;
  let operator: Record<string, string>;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  async function publish(kind: string, key: string, body: object) {
    const created = await call('POST', '/definitions', analyst, { kind, key, name: key, body });
    if (created.statusCode !== 201) return created;
    return call('POST', `/definitions/${created.json().id}/publish`, analyst, { draftVersion: 1 });
  }

  beforeAll(async () => {
    h = await createHarness(target);
    analyst = await h.as('analyst');
    operator = await h.as('operator');
    expect((await publish('entity', 'request', requestType)).statusCode).toBe(201);
    expect((await publish('form', 'request-create', requestForm)).statusCode).toBe(201);
  });
  afterAll(() => h.close());

  it('creates a record, recomputing computed values and ignoring what the browser may not set', async () => {
    const res = await call('POST', '/forms/request-create/submit', operator, {
      data: {
        subject: 'Не прошла оплата',
        category: 'billing',
        contract: 'Д-2026',
        amount: 1000,
        total: 1,
        internal: 'x',
      },
    });
    expect(res.statusCode).toBe(200);
    const { record, actions } = res.json();
    expect(actions).toEqual([]);
    expect(record.data).toEqual({
      subject: 'Не прошла оплата',
      category: 'billing',
      contract: 'Д-2026',
      amount: 1000,
      vat: 200,
      total: 1200,
      priority: 3,
    });
  });

  it('answers field problems per field, in the user’s language, saving nothing', async () => {
    const before = (await call('GET', '/records/request', operator)).json().total;
    const res = await call('POST', '/forms/request-create/submit', operator, {
      data: { category: 'billing', contract: '2026' },
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { pointer: string; message: string }[];
    expect(details.map((d) => d.pointer).sort()).toEqual(['/data/contract', '/data/subject']);
    expect(details.find((d) => d.pointer === '/data/subject')?.message).toBe('Заполните поле «Тема»');
    expect((await call('GET', '/records/request', operator)).json().total).toBe(before);
  });

  it('updates through the form with optimistic concurrency', async () => {
    const created = (
      await call('POST', '/forms/request-create/submit', operator, {
        data: { subject: 'Нет доступа', category: 'access' },
      })
    ).json().record;
    const edit = (version: number, subject: string) =>
      call('POST', '/forms/request-create/submit', operator, {
        recordId: created.id,
        version,
        // priority is not on this form: the form cannot change it.
        data: { subject, category: 'access', priority: 5 },
      });
    const first = await edit(created.version, 'Нет доступа к кабинету');
    expect(first.statusCode).toBe(200);
    expect(first.json().record.data).toMatchObject({ subject: 'Нет доступа к кабинету', priority: 3 });
    const stale = await edit(created.version, 'Чужая правка');
    expect(stale.statusCode).toBe(409);
  });

  it('refuses to publish a form whose condition names a missing field, naming the element', async () => {
    const broken = structuredClone(requestForm) as { layout: { visibleIf?: string }[] };
    (broken.layout[0] as { visibleIf?: string }).visibleIf = "categry == 'billing'";
    const res = await publish('form', 'request-broken', broken);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toContainEqual(
      expect.objectContaining({
        pointer: '/body/layout/0/visibleIf',
        message: '«Тема»: столбец 1: нет поля «categry»',
      }),
    );
  });

  it('refuses to publish a form with a field the data type does not have, naming the element', async () => {
    const stale = structuredClone(requestForm) as { layout: { field?: string }[] };
    (stale.layout[0] as { field?: string }).field = 'deletedField';
    const res = await publish('form', 'request-stale', stale);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toContainEqual(
      expect.objectContaining({
        pointer: '/body/layout/0/field',
        message: expect.stringContaining('deletedField'),
      }),
    );
  });

  it('runs on-submit scripts after saving: a result lands in its field, a failure is reported, the record stays', async () => {
    const developer = await h.as('developer');
    const script = (key: string, source: string) =>
      call('POST', '/definitions', developer, {
        kind: 'script',
        key,
        name: key,
        body: { schemaVersion: 1, language: 'typescript', source, integrations: [] },
      }).then((r) => call('POST', `/definitions/${r.json().id}/publish`, developer, { draftVersion: 1 }));
    expect(
      (
        await script(
          'classify',
          `export default async function run(ctx: ScriptContext<{ data: { amount?: number } }>) {
  return (ctx.input.data.amount ?? 0) > 500 ? 'Крупный платёж' : 'Обычный платёж';
}`,
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await script(
          'explode',
          `export default async function run() {\n  throw new Error('CRM недоступна');\n}`,
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await script(
          'nul_result',
          `export default async function run() {\n  return 'a' + String.fromCharCode(0) + 'b';\n}`,
        )
      ).statusCode,
    ).toBe(201);
    const form = {
      ...requestForm,
      onSubmit: [
        { type: 'script', script: 'classify', resultField: 'internal' },
        { type: 'script', script: 'explode' },
        // The database refuses this value: the submitter reads a generic message, never the SQL.
        { type: 'script', script: 'nul_result', resultField: 'internal' },
      ],
    };
    expect((await publish('form', 'request-scored', form)).statusCode).toBe(201);
    const res = await call('POST', '/forms/request-scored/submit', operator, {
      data: { subject: 'Возврат', category: 'billing', contract: 'Д-0042', amount: 900 },
    });
    expect(res.statusCode).toBe(200);
    const { record, actions } = res.json();
    expect(record.data.internal).toBe('Крупный платёж');
    expect(actions).toEqual([
      { type: 'script', ok: true },
      { type: 'script', ok: false, message: 'CRM недоступна' },
      { type: 'script', ok: false, message: 'Внутренняя ошибка сервера' },
    ]);
    const stored = (await call('GET', `/records/request/${record.id}`, operator)).json();
    expect(stored.data.internal).toBe('Крупный платёж');
  });

  it('calls an HTTP step after saving and maps the answer into the record', async () => {
    const tracker = await startHttpFixture((req) =>
      req.url === '/api/tickets' ? { status: 201, json: { ticketId: 'TR-77' } } : { status: 404, json: {} },
    );
    try {
      const admin = await h.as('admin');
      const integration = {
        schemaVersion: 1,
        baseUrl: `${tracker.url}/api`,
        allowedHosts: ['127.0.0.1'],
        allowedAddresses: ['127.0.0.1'],
        timeoutMs: 5000,
      };
      const created = await call('POST', '/definitions', admin, {
        kind: 'integration',
        key: 'tracker',
        name: 'tracker',
        body: integration,
      });
      expect(
        (await call('POST', `/definitions/${created.json().id}/publish`, admin, { draftVersion: 1 }))
          .statusCode,
      ).toBe(201);
      const form = {
        ...requestForm,
        onSubmit: [
          {
            type: 'http',
            step: {
              integration: 'tracker',
              method: 'POST',
              path: '/tickets',
              body: { title: '{{subject}}', number: '{{number}}' },
              response: [{ variable: 'internal', pointer: '/ticketId' }],
            },
          },
        ],
      };
      expect((await publish('form', 'request-tracked', form)).statusCode).toBe(201);
      const res = await call('POST', '/forms/request-tracked/submit', operator, {
        data: { subject: 'Сбой оплаты', category: 'access' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().actions).toEqual([{ type: 'http', ok: true }]);
      expect(res.json().record.data.internal).toBe('TR-77');
      expect(JSON.parse(tracker.seen[0]?.body ?? '{}')).toMatchObject({ title: 'Сбой оплаты' });
    } finally {
      await tracker.close();
    }
  });

  it('accepts a related-records list only through a relation pointing at the form’s type', async () => {
    const note = {
      schemaVersion: 1,
      label: { ru: 'Заметка' },
      fields: [
        { key: 'text', type: 'string', label: { ru: 'Текст' } },
        { key: 'request', type: 'relation', label: { ru: 'Обращение' }, entity: 'request' },
      ],
    };
    expect((await publish('entity', 'note', note)).statusCode).toBe(201);
    const card = (field: string) => ({
      ...requestForm,
      purpose: 'card',
      layout: [...requestForm.layout, { id: 'notes', type: 'related', entity: 'note', field }],
    });
    expect((await publish('form', 'request-card-notes', card('request'))).statusCode).toBe(201);
    const wrong = await publish('form', 'request-card-wrong', card('text'));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details).toContainEqual(
      expect.objectContaining({
        pointer: '/body/layout/4/field',
        message: 'Поле «text» типа «note» не ссылается на «request»',
      }),
    );
    const missing = await publish('form', 'request-card-missing', card('nothing'));
    expect(missing.statusCode).toBe(422);
  });

  it('lets only staff use forms and answers 404 for an unknown form', async () => {
    expect(
      (await call('POST', '/forms/request-create/submit', await h.as('client'), { data: {} })).statusCode,
    ).toBe(403);
    expect((await call('GET', '/forms/nope', operator)).statusCode).toBe(404);
    const described = (await call('GET', '/forms/request-create', operator)).json();
    expect(described.form.version).toBe(1);
    expect(described.entity.key).toBe('request');
  });
});
