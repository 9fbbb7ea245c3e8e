import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketEntity, ticketForm } from '../../testing/fixtures.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('definitions on $name', (target) => {
  let h: Harness;
  let headers: Record<string, string>;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    h = await createHarness(target);
    headers = await h.as('analyst');
  });
  afterAll(() => h.close());

  it('creates, publishes and versions an entity', async () => {
    const created = await call('POST', '/definitions', {
      kind: 'entity',
      key: 'ticket',
      name: 'Заявка',
      body: ticketEntity,
    });
    expect(created.statusCode).toBe(201);
    const { id, draftVersion } = created.json();
    const published = await call('POST', `/definitions/${id}/publish`, { draftVersion });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ version: 1, kind: 'entity', key: 'ticket' });
    expect((await call('GET', `/definitions/${id}/versions`)).json().items).toHaveLength(1);
    expect((await call('GET', `/definitions/${id}/versions/1`)).json().body).toEqual(ticketEntity);
    expect((await call('GET', '/published/entity/ticket')).json().version).toBe(1);
    expect((await call('GET', `/definitions/${id}`)).json()).toMatchObject({
      status: 'published',
      hasUnpublishedChanges: false,
    });
  });

  it('refuses a duplicate key with 409', async () => {
    const res = await call('POST', '/definitions', {
      kind: 'entity',
      key: 'ticket',
      name: 'again',
      body: ticketEntity,
    });
    expect(res.statusCode).toBe(409);
  });

  it('refuses invalid bodies, unknown fields and wrong types naming the field, saving nothing', async () => {
    const badBody = { ...ticketEntity, fields: [{ key: 'x', type: 'nonsense', label: { ru: 'X' } }] };
    const res = await call('POST', '/definitions', {
      kind: 'entity',
      key: 'broken',
      name: 'B',
      body: badBody,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res.json().error.details.some((d: { pointer: string }) => d.pointer.startsWith('/body/fields/0')),
    ).toBe(true);
    const unknown = await call('POST', '/definitions', {
      kind: 'entity',
      key: 'broken',
      name: 'B',
      body: ticketEntity,
      extra: 1,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].pointer).toBe('/extra');
    const wrongType = await call('POST', '/definitions', {
      kind: 'entity',
      key: 'broken',
      name: 42,
      body: ticketEntity,
    });
    expect(wrongType.json().error.details[0].pointer).toBe('/name');
    const badKey = await call('POST', '/definitions', {
      kind: 'entity',
      key: 'Bad Key',
      name: 'B',
      body: ticketEntity,
    });
    expect(badKey.json().error.details[0].pointer).toBe('/key');
    expect((await call('GET', '/definitions?q=broken')).json().total).toBe(0);
  });

  it('answers malformed JSON with 400 and oversized bodies with 413', async () => {
    const malformed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"kind": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed_json');
    const huge = { kind: 'template', key: 'huge', name: 'H', body: { text: 'x'.repeat(2 * 1024 * 1024) } };
    expect((await call('POST', '/definitions', huge)).statusCode).toBe(413);
  });

  it('rejects a stale draft update with 409 and keeps the newer draft', async () => {
    const created = (
      await call('POST', '/definitions', {
        kind: 'form',
        key: 'ticket-create',
        name: 'Новая заявка',
        body: ticketForm,
      })
    ).json();
    const first = await call('PUT', `/definitions/${created.id}`, {
      name: 'v2',
      body: ticketForm,
      draftVersion: created.draftVersion,
    });
    expect(first.statusCode).toBe(200);
    const stale = await call('PUT', `/definitions/${created.id}`, {
      name: 'v3',
      body: ticketForm,
      draftVersion: created.draftVersion,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await call('GET', `/definitions/${created.id}`)).json().name).toBe('v2');
  });

  it('refuses to publish a form that references a missing field, listing the pointer, saving nothing', async () => {
    const layout = [{ id: 'f9', type: 'field', field: 'nonexistent' }];
    const created = (
      await call('POST', '/definitions', {
        kind: 'form',
        key: 'bad-form',
        name: 'Bad',
        body: { ...ticketForm, layout },
      })
    ).json();
    const res = await call('POST', `/definitions/${created.id}/publish`, {
      draftVersion: created.draftVersion,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('definition_invalid');
    expect(res.json().error.details.map((d: { pointer: string }) => d.pointer)).toContain(
      '/body/layout/0/field',
    );
    expect((await call('GET', `/definitions/${created.id}/versions`)).json().items).toHaveLength(0);
    expect((await call('GET', `/definitions/${created.id}`)).json().status).toBe('draft');
  });

  it('lists with pagination, kind filter, search and sort', async () => {
    for (const key of ['tpl-a', 'tpl-b', 'tpl-c'])
      await call('POST', '/definitions', {
        kind: 'template',
        key,
        name: `Шаблон ${key}`,
        body: { schemaVersion: 1, title: { ru: key }, text: { ru: 'Здравствуйте!' } },
      });
    const page = (await call('GET', '/definitions?kind=template&limit=2&sort=name')).json();
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.items.map((d: { key: string }) => d.key)).toEqual(['tpl-a', 'tpl-b']);
    expect(
      (await call('GET', '/definitions?kind=template&limit=2&offset=2&sort=name')).json().items[0].key,
    ).toBe('tpl-c');
    expect((await call('GET', '/definitions?q=tpl-b')).json().total).toBe(1);
    expect((await call('GET', '/definitions?limit=0')).statusCode).toBe(400);
  });

  it('deletes a never-published draft but only archives a published one', async () => {
    const draft = (
      await call('POST', '/definitions', {
        kind: 'template',
        key: 'tmp',
        name: 'T',
        body: { schemaVersion: 1, title: { ru: 't' }, text: { ru: 't' } },
      })
    ).json();
    expect(
      (await call('DELETE', `/definitions/${draft.id}?draftVersion=${draft.draftVersion}`)).statusCode,
    ).toBe(204);
    expect((await call('GET', `/definitions/${draft.id}`)).statusCode).toBe(404);
    const entity = (await call('GET', '/definitions?kind=entity&q=ticket')).json().items[0];
    expect(
      (await call('DELETE', `/definitions/${entity.id}?draftVersion=${entity.draftVersion}`)).statusCode,
    ).toBe(409);
    expect((await call('POST', `/definitions/${entity.id}/archive`)).json().status).toBe('archived');
  });

  it('refuses to archive an archived definition (409, no second audit row) and to publish an unchanged draft', async () => {
    const created = (
      await call('POST', '/definitions', { kind: 'entity', key: 'twice', name: 'T', body: ticketEntity })
    ).json();
    expect(
      (await call('POST', `/definitions/${created.id}/publish`, { draftVersion: created.draftVersion }))
        .statusCode,
    ).toBe(201);
    const again = await call('POST', `/definitions/${created.id}/publish`, {
      draftVersion: created.draftVersion,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('nothing_to_publish');
    expect((await call('GET', `/definitions/${created.id}/versions`)).json().items).toHaveLength(1);
    // Edited and edited back: the draft is the published version again, so still nothing to publish.
    const edited = await call('PUT', `/definitions/${created.id}`, {
      name: 'T',
      body: { ...ticketEntity, label: { ru: 'Другое' } },
      draftVersion: created.draftVersion,
    });
    const back = await call('PUT', `/definitions/${created.id}`, {
      name: 'T',
      body: ticketEntity,
      draftVersion: edited.json().draftVersion,
    });
    const draftVersion = back.json().draftVersion;
    expect((await call('POST', `/definitions/${created.id}/publish`, { draftVersion })).statusCode).toBe(409);
    expect((await call('POST', `/definitions/${created.id}/archive`)).statusCode).toBe(200);
    const twice = await call('POST', `/definitions/${created.id}/archive`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_archived');
    const audit = await h.app.inject({
      method: 'GET',
      url: `/api/v1/audit?targetType=definition&targetId=${created.id}`,
      headers: await h.as('admin'),
    });
    expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual([
      'archive',
      'update',
      'update',
      'publish',
      'create',
    ]);
    // An archived definition may be published again, which brings it back.
    const restored = await call('POST', `/definitions/${created.id}/publish`, { draftVersion });
    expect(restored.statusCode).toBe(201);
    expect((await call('GET', `/definitions/${created.id}`)).json().status).toBe('published');
  });

  it('lets only developers and admins write and publish scripts, and only admins the portal', async () => {
    const developer = await h.as('developer');
    const admin = await h.as('admin');
    const as = (who: Record<string, string>, method: 'POST' | 'PUT', url: string, payload: object) =>
      h.app.inject({ method, url: `/api/v1${url}`, headers: who, payload });
    const script = {
      kind: 'script',
      key: 'rights-script',
      name: 'S',
      body: { schemaVersion: 1, language: 'typescript', source: 'export default async function run() {}' },
    };
    const byAnalyst = await call('POST', '/definitions', script);
    expect(byAnalyst.statusCode).toBe(403);
    expect(byAnalyst.json().error.message).toContain('admin, developer');
    const made = await as(developer, 'POST', '/definitions', script);
    expect(made.statusCode).toBe(201);
    const { id, draftVersion } = made.json();
    expect(
      (await call('PUT', `/definitions/${id}`, { name: 'S', body: script.body, draftVersion })).statusCode,
    ).toBe(403);
    expect((await call('POST', `/definitions/${id}/publish`, { draftVersion })).statusCode).toBe(403);
    expect((await as(developer, 'POST', `/definitions/${id}/publish`, { draftVersion })).statusCode).toBe(
      201,
    );
    expect((await call('POST', `/definitions/${id}/archive`)).statusCode).toBe(403);
    const portal = {
      kind: 'portal',
      key: 'main',
      name: 'Portal',
      body: { schemaVersion: 1, name: { ru: 'Портал' }, colors: { primary: '#2563eb' }, menu: [] },
    };
    expect((await as(developer, 'POST', '/definitions', portal)).statusCode).toBe(403);
    expect((await call('POST', '/definitions', portal)).statusCode).toBe(403);
    expect((await as(admin, 'POST', '/definitions', portal)).statusCode).toBe(201);
    // Analysts draft portal pages; administrators publish them.
    const page = {
      kind: 'page',
      key: 'rights-page',
      name: 'P',
      body: { schemaVersion: 1, title: { ru: 'Страница' }, path: '/rights', rows: [] },
    };
    const drafted = await call('POST', '/definitions', page);
    expect(drafted.statusCode).toBe(201);
    const draft = { draftVersion: drafted.json().draftVersion };
    expect((await call('POST', `/definitions/${drafted.json().id}/publish`, draft)).statusCode).toBe(403);
    expect((await as(admin, 'POST', `/definitions/${drafted.json().id}/publish`, draft)).statusCode).toBe(
      201,
    );
  });

  it('answers unknown ids with 404 and keeps operators out of the designer API', async () => {
    expect((await call('GET', '/definitions/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await call('GET', '/definitions/not-a-uuid')).statusCode).toBe(400);
    const asOperator = await h.app.inject({
      method: 'GET',
      url: '/api/v1/definitions',
      headers: await h.as('operator'),
    });
    expect(asOperator.statusCode).toBe(403);
  });
});
