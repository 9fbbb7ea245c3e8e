import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSupportDesk,
  portalFormKey,
  publishPortal,
  signupClient,
  type TestClient,
} from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

/** Notes clients keep about themselves: every right granted to clients, on their own records only. */
const noteType = {
  schemaVersion: 1,
  label: { ru: 'Заметка' },
  titleField: 'text',
  fields: [
    { key: 'text', type: 'string', label: { ru: 'Текст' }, required: true },
    { key: 'client', type: 'relation', entity: 'client', label: { ru: 'Клиент' } },
  ],
  access: {
    read: ['operator', 'client'],
    create: ['operator', 'client'],
    update: ['operator', 'client'],
    delete: ['operator', 'client'],
    clientScope: 'own',
  },
};

describe.each(databaseTargets)('a client’s own records on $name', (target) => {
  let h: Harness;
  let anna: TestClient;
  let boris: TestClient;
  let operator: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const note = async (headers: Record<string, string>, data: object) =>
    call('POST', '/records/note', headers, { data });

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    const { definitions } = h.app;
    const created = await definitions.create(
      { kind: 'entity', key: 'note', name: 'note', body: noteType },
      null,
      'ru',
    );
    await definitions.publish(created.id, created.draftVersion, null, 'ru');
    anna = await signupClient(h, 'Анна', 'anna@example.ru');
    boris = await signupClient(h, 'Борис', 'boris@example.ru');
    operator = await h.as('operator');
  });
  afterAll(() => h.close());

  it('reads, changes and deletes only the records linked to the client or made by them', async () => {
    const annas = (await note(operator, { text: 'Про Анну', client: anna.recordId })).json();
    const boriss = (await note(operator, { text: 'Про Бориса', client: boris.recordId })).json();
    const mine = await note(anna.headers, { text: 'Моя без ссылки' });
    expect(mine.statusCode, mine.body).toBe(201);

    const list = (await call('GET', '/records/note', anna.headers)).json();
    expect(list.items.map((n: { id: string }) => n.id).sort()).toEqual([annas.id, mine.json().id].sort());
    expect((await call('GET', `/records/note/${boriss.id}`, anna.headers)).statusCode).toBe(404);
    expect(
      (await call('PATCH', `/records/note/${boriss.id}`, anna.headers, { version: 1, data: { text: 'x' } }))
        .statusCode,
    ).toBe(404);
    expect((await call('DELETE', `/records/note/${boriss.id}?version=1`, anna.headers)).statusCode).toBe(404);
    const changed = await call('PATCH', `/records/note/${annas.id}`, anna.headers, {
      version: 1,
      data: { text: 'Исправила' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await call('DELETE', `/records/note/${mine.json().id}?version=1`, anna.headers)).statusCode).toBe(
      204,
    );
    // Their own client record is theirs; somebody else's is not there for them.
    expect((await call('GET', `/records/client/${anna.recordId}`, anna.headers)).statusCode).toBe(200);
    expect((await call('GET', `/records/client/${boris.recordId}`, anna.headers)).statusCode).toBe(404);
    // The change history names staff: it is not for clients.
    expect((await call('GET', `/records/note/${annas.id}/audit`, anna.headers)).statusCode).toBe(403);
  });

  it('refuses to file a record in another client’s name, pointing at the field', async () => {
    const res = await note(anna.headers, { text: 'От имени Бориса', client: boris.recordId });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toEqual([
      { pointer: '/data/client', message: 'Здесь можно указать только вашу собственную запись' },
    ]);
    const annas = (await note(anna.headers, { text: 'Своя', client: anna.recordId })).json();
    const moved = await call('PATCH', `/records/note/${annas.id}`, anna.headers, {
      version: 1,
      data: { client: boris.recordId },
    });
    expect(moved.statusCode).toBe(403);
    const noteCount = await h.app.records.list('note', { filter: [`client:eq:${boris.recordId}`] }, null);
    expect(noteCount.items.every((n) => n.data.text === 'Про Бориса')).toBe(true);
  });

  it('keeps the portal form a way in for clients, though the request type grants them no create', async () => {
    const sent = await call('POST', `/portal/forms/${portalFormKey}/submit`, anna.headers, {
      data: { subject: 'С портала', description: 'Через ФОС' },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const direct = await call('POST', '/records/request', anna.headers, {
      data: { subject: 'Напрямую', description: 'Через API', client: anna.recordId },
    });
    expect(direct.statusCode).toBe(403);
    expect(direct.json().error.message).toContain('Недостаточно прав: создавать записи типа «request»');
    const mine = (await call('GET', '/records/request', anna.headers)).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([sent.json().id]);
  });

  it('gives a script exactly the reads of the identity it runs as', async () => {
    const developer = await h.as('developer');
    const source = `export default async function run(ctx: ScriptContext<{ id: string }>) {
  try { await ctx.records.get('note', ctx.input.id); return 'read'; } catch (error) { return (error as Error).message; }
}`;
    const page = await note(operator, { text: 'Служебная', client: anna.recordId });
    // A generous clock: a sandbox worker booting on a busy machine is slow.
    const payload = { source, input: { id: page.json().id }, limits: { timeoutMs: 30000 } };
    const run = await call('POST', '/scripts/test-run', developer, payload);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().ok, run.body).toBe(true);
    // Developers are not among the note type's readers, so their script is refused too.
    expect(run.json().output).toContain('Недостаточно прав: читать записи типа «note»');
    const admin = await h.as('admin');
    const asAdmin = await call('POST', '/scripts/test-run', admin, payload);
    expect(asAdmin.json().output).toBe('read');
  });
});
