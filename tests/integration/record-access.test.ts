import { type AccessScope, accessScope, type EntityBody } from '@opora/runtime/definitions';
import { type Role, roles } from '@opora/sdk';
import { importTemplate } from '@opora/server/testing/template';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { databaseTargets } from '@opora/server/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Headers = Record<string, string>;
interface Item {
  id: string;
  version: number;
  title: string;
  data: Record<string, unknown>;
}

const types = ['company', 'client', 'request'] as const;
type TypeKey = (typeof types)[number];

/** A valid new record and a valid change of each template type. */
const samples: Record<TypeKey, { create: Record<string, unknown>; update: Record<string, unknown> }> = {
  company: { create: { name: 'ООО «Проверка прав»' }, update: { address: 'Казань' } },
  client: { create: { fullName: 'Проверкин Пётр' }, update: { position: 'Бухгалтер' } },
  request: {
    create: { subject: 'Проверка прав', description: 'Создано в тесте прав' },
    update: { description: 'Изменено в тесте прав' },
  },
};

/** A published script that tries the SDK on a type as whoever runs it, reporting each call's outcome. */
const probeSource = `export default async function run(ctx: ScriptContext<{ entity: string; id: string; data: Record<string, unknown> }>) {
  const attempt = async (call: () => Promise<unknown>) => {
    try { await call(); return 'ok'; } catch (error) { return (error as Error).message; }
  };
  return {
    find: await attempt(() => ctx.records.find(ctx.input.entity, { limit: 1 })),
    get: await attempt(() => ctx.records.get(ctx.input.entity, ctx.input.id)),
    create: await attempt(() => ctx.records.create(ctx.input.entity, ctx.input.data)),
  };
}`;

function multipart(fields: Record<string, string>, content: string) {
  const boundary = 'access-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const file = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="scan.txt"\r\ncontent-type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { body: parts.join('') + file, type: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Every data type of the support-desk template × every role × every way to reach records: list, read one,
 * search, create, update, delete, file download, related records and the script SDK — each answered as the
 * type's rights say (403 for a type closed to the role, 404 for a record outside a client's own).
 */
describe.each(databaseTargets)('record access by type and role on $name', (target) => {
  let h: Harness;
  const bodies = {} as Record<TypeKey, EntityBody>;
  const headers = {} as Record<Role, Headers>;
  /** A record of each type that belongs to nobody in particular (demo data). */
  const other = {} as Record<TypeKey, Item>;
  let clientRecordId: string;
  let ownRequest: Item;
  const files = { own: '', other: '' };

  const call = (method: string, url: string, who: Headers, payload?: object) =>
    h.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: who,
      ...(payload ? { payload } : {}),
    });

  async function upload(operator: Headers, content: string): Promise<object> {
    const { body, type } = multipart({ entity: 'request', field: 'attachments' }, content);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...operator, 'content-type': type },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function attach(operator: Headers, request: Item, ref: object): Promise<void> {
    const current = await h.app.records.get('request', request.id, null);
    const res = await call('PATCH', `/records/request/${request.id}`, operator, {
      version: current.version,
      data: { attachments: [ref] },
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  beforeAll(async () => {
    h = await createHarness(target);
    await importTemplate(h);
    for (const type of types) {
      const published = await h.app.definitions.latestPublished('entity', type);
      bodies[type] = published!.body as EntityBody;
      other[type] = (await h.app.records.list(type, { limit: 1, sort: 'number' }, null)).items[0] as Item;
    }
    for (const role of roles) if (role !== 'client') headers[role] = await h.as(role);
    // A client who signed up on the portal (so has a client record) and sent one request through its form.
    const signup = await call(
      'POST',
      '/portal/signup',
      {},
      {
        name: 'Клиентова Ксения',
        email: 'ksenia@example.ru',
        password: 'client-password-1',
      },
    );
    expect(signup.statusCode, signup.body).toBe(200);
    const cookie = signup.cookies.find((c) => c.name === 'opora_session')!;
    headers.client = { cookie: `opora_session=${cookie.value}`, 'x-csrf-token': signup.json().csrfToken };
    const [linked] = await h.db.query<{ record_id: string }>(
      'select record_id from app_user where login = ?',
      ['ksenia@example.ru'],
    );
    clientRecordId = linked!.record_id;
    const sent = await call('POST', '/portal/forms/feedback/submit', headers.client, {
      data: { subject: 'Не приходит чек', description: 'Оплатила, чека нет' },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    ownRequest = (await h.app.records.get('request', sent.json().id, null)) as Item;
    // One file in the client's request, one in somebody else's.
    const operator = headers.operator;
    const ownFile = (await upload(operator, 'чек клиента')) as { id: string };
    await attach(operator, ownRequest, ownFile);
    const otherFile = (await upload(operator, 'чужой скан')) as { id: string };
    await attach(operator, other.request, otherFile);
    files.own = ownFile.id;
    files.other = otherFile.id;
    // The probe script, published by a developer; staff run it as themselves.
    const probe = await call('POST', '/definitions', headers.developer, {
      kind: 'script',
      key: 'access-probe',
      name: 'access probe',
      body: { schemaVersion: 1, language: 'typescript', source: probeSource, limits: { timeoutMs: 30000 } },
    });
    expect(probe.statusCode, probe.body).toBe(201);
    const published = await call('POST', `/definitions/${probe.json().id}/publish`, headers.developer, {
      draftVersion: 1,
    });
    expect(published.statusCode, published.body).toBe(201);
  }, 300_000);
  afterAll(() => h.close());

  it('sets the template’s rights deliberately', () => {
    const scope = (type: TypeKey, role: Role, op: 'read' | 'create' | 'update' | 'delete') =>
      accessScope(bodies[type], [role], op);
    expect(scope('request', 'client', 'read')).toBe('own');
    expect(scope('client', 'client', 'read')).toBe('none');
    expect(scope('company', 'client', 'read')).toBe('none');
    expect(scope('request', 'analyst', 'read')).toBe('all');
    expect(scope('request', 'analyst', 'create')).toBe('none');
    expect(scope('request', 'operator', 'delete')).toBe('none');
    expect(scope('request', 'supervisor', 'delete')).toBe('all');
  });

  it('answers every type × role × operation as the type’s rights say', async () => {
    const failures: string[] = [];
    const check = (what: string, got: number, expected: number, body = '') => {
      if (got !== expected) failures.push(`${what}: got ${got}, expected ${expected} ${body.slice(0, 200)}`);
    };
    /** 403 when the role has no such right on the type, 404 when only its own records, else the success code. */
    const status = (scope: AccessScope, ok: number) => (scope === 'none' ? 403 : scope === 'own' ? 404 : ok);

    for (const type of types)
      for (const role of roles) {
        const who = headers[role];
        const at = `${type} as ${role}`;
        const scope = (op: 'read' | 'create' | 'update' | 'delete') => accessScope(bodies[type], [role], op);
        const read = scope('read');
        const owned = (items: Item[]) =>
          items.every((item) => item.id === clientRecordId || item.data.client === clientRecordId);

        // List and search: everything, only the caller's own, or refused.
        const all = (await h.app.records.list(type, { limit: 1 }, null)).total;
        const list = await call('GET', `/records/${type}?limit=200`, who);
        check(`list ${at}`, list.statusCode, read === 'none' ? 403 : 200, list.body);
        if (read === 'all') check(`list total ${at}`, list.json().total, all);
        if (read === 'own') {
          if (!owned(list.json().items)) failures.push(`list ${at}: someone else's record listed`);
          check(`own list total ${at}`, list.json().total, type === 'request' ? 1 : 0);
        }
        // The longest word of its title: short ones may be stop words the search ignores.
        const word = other[type].title.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a));
        const search = await call('GET', `/records/${type}?limit=200&q=${encodeURIComponent(word)}`, who);
        check(`search ${at}`, search.statusCode, read === 'none' ? 403 : 200, search.body);
        if (search.statusCode === 200) {
          const found = (search.json().items as Item[]).some((item) => item.id === other[type].id);
          if (found !== (read === 'all')) failures.push(`search ${at}: other record found=${found}`);
        }

        // One record: someone else's, and (for a client) their own.
        const one = await call('GET', `/records/${type}/${other[type].id}`, who);
        check(`get ${at}`, one.statusCode, status(read, 200), one.body);
        if (role === 'client' && type === 'request')
          check(
            `get own ${at}`,
            (await call('GET', `/records/request/${ownRequest.id}`, who)).statusCode,
            200,
          );
        const history = await call('GET', `/records/${type}/${other[type].id}/audit`, who);
        check(`history ${at}`, history.statusCode, role === 'client' ? 403 : status(read, 200), history.body);

        // Writes, each on a fresh record of nobody in particular.
        const created = await call('POST', `/records/${type}`, who, { data: samples[type].create });
        check(`create ${at}`, created.statusCode, status(scope('create'), 201), created.body);
        const victim = await h.app.records.create(type, samples[type].create, null, 'ru');
        const updated = await call('PATCH', `/records/${type}/${victim.id}`, who, {
          version: victim.version,
          data: samples[type].update,
        });
        check(`update ${at}`, updated.statusCode, status(scope('update'), 200), updated.body);
        const version = (await h.app.records.get(type, victim.id, null)).version;
        const deleted = await call('DELETE', `/records/${type}/${victim.id}?version=${version}`, who);
        check(`delete ${at}`, deleted.statusCode, status(scope('delete'), 204), deleted.body);

        // Saved list views of the type: for those who read it (staff; clients have «Мои обращения»).
        const views = await call('GET', `/views?entity=${type}`, who);
        check(`views ${at}`, views.statusCode, role === 'client' || read === 'none' ? 403 : 200, views.body);

        // Related records of someone else's record: only types the role reads, only records it reads.
        const related = await call('GET', `/records/${type}/${other[type].id}/related`, who);
        check(`related ${at}`, related.statusCode, status(read, 200), related.body);
        if (related.statusCode === 200)
          for (const group of related.json().items as { entity: TypeKey; items: Item[] }[])
            if (accessScope(bodies[group.entity], [role], 'read') !== 'all')
              failures.push(`related ${at}: lists ${group.entity}, which the role may not read in full`);

        // Files in request records go with the request they are in; uploading is for those who fill them.
        if (type === 'request') {
          const { body, type: contentType } = multipart({ entity: 'request', field: 'attachments' }, 'скан');
          const uploaded = await h.app.inject({
            method: 'POST',
            url: '/api/v1/files',
            headers: { ...who, 'content-type': contentType },
            payload: body,
          });
          const fills = scope('create') !== 'none' || scope('update') !== 'none';
          check(
            `upload as ${role}`,
            uploaded.statusCode,
            role !== 'client' && fills ? 201 : 403,
            uploaded.body,
          );
          const otherFile = await call('GET', `/files/${files.other}`, who);
          check(`file of another request as ${role}`, otherFile.statusCode, read === 'all' ? 200 : 404);
          const ownFile = await call('GET', `/files/${files.own}`, who);
          check(`file of the client's request as ${role}`, ownFile.statusCode, read === 'none' ? 404 : 200);
        }

        // The script SDK acts with the rights of whoever runs the script.
        const run = await call('POST', '/scripts/access-probe/run', who, {
          input: { entity: type, id: other[type].id, data: samples[type].create },
        });
        if (role === 'client') check(`script run ${at}`, run.statusCode, 403);
        else {
          const output = run.json().output as Record<'find' | 'get' | 'create', string> | undefined;
          if (!output) failures.push(`script ${at}: ${run.body.slice(0, 300)}`);
          else {
            const expectOk = {
              find: read !== 'none',
              get: read === 'all',
              create: scope('create') !== 'none',
            };
            for (const op of ['find', 'get', 'create'] as const)
              if ((output[op] === 'ok') !== expectOk[op])
                failures.push(
                  `sdk ${op} ${at}: ${output[op]} (expected ${expectOk[op] ? 'ok' : 'a refusal'})`,
                );
          }
        }
      }
    expect(failures).toEqual([]);
  }, 600_000);

  it('lists on the work screen only the types a role may read, with what it may do there', async () => {
    for (const role of roles) {
      const res = await call('GET', '/record-types', headers[role]);
      expect(res.statusCode).toBe(200);
      const listed = res.json().items as { key: TypeKey; access: Record<string, AccessScope> }[];
      const readable = types.filter((t) => accessScope(bodies[t], [role], 'read') !== 'none');
      expect(listed.map((t) => t.key).sort(), role).toEqual([...readable].sort());
      for (const t of listed)
        expect(t.access.create, `${t.key} as ${role}`).toBe(accessScope(bodies[t.key], [role], 'create'));
    }
  });
});
