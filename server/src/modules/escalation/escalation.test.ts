import type { EntityBody } from '@opora/runtime/definitions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSupportDesk,
  publishPortal,
  signupClient,
  type TestClient,
} from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const telegram = { type: 'telegram' as const, key: 'support-bot' };
const receipt = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
let sequence = 0;

/** An operator hands a dialog to the second line: a request carrying it, linked both ways, seen by the client. */
describe.each(databaseTargets)('escalating a dialog to a request on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  let client: TestClient;
  const api = (method: string, url: string, headers: Record<string, string> = {}, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const write = (externalId: string, text: string, extra: { email?: string; file?: boolean } = {}) =>
    h.app.conversations.takeInbound(telegram, {
      from: { externalId, displayName: 'Анна', ...(extra.email ? { email: extra.email } : {}) },
      externalMessageId: `esc-${++sequence}`,
      message: { text, parts: [], attachments: [] },
      files: extra.file ? [{ name: 'чек.png', contentType: 'image/png', bytes: receipt }] : [],
    });

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    // The template's request type has an attachments field; the cut-down test type gets one too.
    const [definition] = (await h.app.definitions.list({ kind: 'entity', q: 'request' })).items.filter(
      (d) => d.key === 'request',
    );
    const current = await h.app.definitions.get(definition!.id);
    const body = current.body as EntityBody;
    const withFiles = {
      ...body,
      fields: [
        ...body.fields,
        { key: 'attachments', type: 'file', label: { ru: 'Вложения' }, multiple: true },
      ],
    } as EntityBody;
    const updated = await h.app.definitions.update(
      definition!.id,
      { name: current.name, body: withFiles, draftVersion: current.draftVersion },
      null,
      'ru',
    );
    await h.app.definitions.publish(definition!.id, updated.draftVersion, null, 'ru');
    operator = await h.as('operator');
    client = await signupClient(h, 'Анна Клиентова', 'anna@example.ru');
  });
  afterAll(() => h.close());

  it('creates the request from the prefilled form with the transcript and files, and tells the client its number', async () => {
    const first = await write('8001', 'Не проходит оплата картой', { email: 'anna@example.ru' });
    await write('8001', 'Вот чек', { file: true });
    const id = first.conversation.id;
    expect(first.conversation.clientRecordId).toBe(client.recordId);
    await h.app.conversations.answer(
      id,
      { authorKind: 'operator', message: { text: 'Передам бухгалтерии', parts: [], attachments: [] } },
      null,
    );
    await h.app.conversations.answer(
      id,
      {
        authorKind: 'operator',
        internal: true,
        message: { text: 'Заметка для коллег', parts: [], attachments: [] },
      },
      null,
    );

    const draft = (await api('GET', `/conversations/${id}/escalation`, operator)).json();
    expect(draft.request).toBeNull();
    expect(draft.draft).toMatchObject({
      entity: 'request',
      attachments: 1,
      data: { subject: 'Не проходит оплата картой', client: client.recordId },
    });
    const description: string = draft.draft.data.description;
    expect(description).toContain('Клиент: Не проходит оплата картой');
    expect(description).toContain('📎 чек.png');
    expect(description).toContain('Оператор: Передам бухгалтерии');
    expect(description).not.toContain('Заметка для коллег');

    const data = { ...draft.draft.data, subject: 'Оплата картой не проходит', priority: 'high' };
    const made = await api('POST', `/conversations/${id}/escalate`, operator, { data });
    expect(made.statusCode).toBe(201);
    const request = made.json();
    expect(request).toMatchObject({ entity: 'request', title: 'Оплата картой не проходит' });

    const record = (await api('GET', `/records/request/${request.id}`, operator)).json();
    expect(record.data).toMatchObject({ priority: 'high', client: client.recordId, description });
    expect(record.data.attachments).toHaveLength(1);
    const file = record.data.attachments[0];
    expect(file).toMatchObject({ name: 'чек.png', contentType: 'image/png', size: receipt.byteLength });
    const download = await api('GET', `/files/${file.id}`, operator);
    expect(download.statusCode).toBe(200);
    expect(new Uint8Array(download.rawPayload)).toEqual(receipt);

    // Linked both ways, and the client is told the number in their chat.
    const shown = (await api('GET', `/conversations/${id}/messages?limit=1`, operator)).json();
    expect(shown.conversation.requestRecordId).toBe(request.id);
    expect((await api('GET', `/conversations/${id}/escalation`, operator)).json()).toMatchObject({
      request: { id: request.id, number: request.number },
      draft: null,
    });
    const dialogs = (await api('GET', `/escalations/${request.id}`, operator)).json().conversations;
    expect(dialogs.map((d: { id: string }) => d.id)).toEqual([id]);
    const [told] = await h.db.query<{ text: string; delivery: string }>(
      `select text, delivery from message where conversation_id = ? order by seq desc limit 1`,
      [id],
    );
    expect(told!.text).toContain(`Ваше обращение № ${request.number} передано специалисту`);
    expect(told!.delivery).toBe('queued');
    const audit = await h.db.query(
      `select 1 from audit_log where target_type = 'conversation' and target_id = ? and after::text like '%escalated%'`,
      [id],
    );
    expect(audit).toHaveLength(1);

    // The client sees it in «Мои обращения».
    const mine = (await api('GET', '/portal/my/requests', client.headers)).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toContain(request.id);
    expect((await api('GET', `/portal/my/requests/${request.id}`, client.headers)).statusCode).toBe(200);

    // Twice: 409 naming the request, and nothing new is written.
    const again = await api('POST', `/conversations/${id}/escalate`, operator, { data });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('escalation_exists');
    expect(again.json().error.message).toContain(`№ ${request.number}`);
    expect(again.json().error.details[0].message).toBe(request.id);
    const count = await h.db.query("select 1 from record where entity = 'request' and title = ?", [
      'Оплата картой не проходит',
    ]);
    expect(count).toHaveLength(1);
  });

  it('refuses bad forms whole, strangers, missing dialogs and a request’s own thread', async () => {
    const { conversation } = await write('8002', 'Hello, where is my order?');
    const before = await h.db.query("select count(*) as n from record where entity = 'request'");
    const invalid = await api('POST', `/conversations/${conversation.id}/escalate`, operator, {
      data: { subject: '' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(await h.db.query("select count(*) as n from record where entity = 'request'")).toEqual(before);
    const [row] = await h.db.query<{ request_record_id: string | null }>(
      'select request_record_id from conversation where id = ?',
      [conversation.id],
    );
    expect(row!.request_record_id).toBeNull();
    expect(
      (await api('POST', `/conversations/${conversation.id}/escalate`, operator, { nope: 1 })).statusCode,
    ).toBe(400);
    expect(
      (await api('POST', `/conversations/${conversation.id}/escalate`, client.headers, { data: {} }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api('POST', `/conversations/${conversation.id}/escalate`, {}, { data: {} })).statusCode,
    ).toBe(401);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await api('POST', `/conversations/${missing}/escalate`, operator, { data: {} })).statusCode).toBe(
      404,
    );
    expect((await api('GET', `/conversations/${missing}/escalation`, operator)).statusCode).toBe(404);

    // An English-speaking client is told in English.
    const made = await api('POST', `/conversations/${conversation.id}/escalate`, operator, {
      data: { subject: 'Order', description: '' },
    });
    expect(made.statusCode).toBe(201);
    const [told] = await h.db.query<{ text: string }>(
      'select text from message where conversation_id = ? order by seq desc limit 1',
      [conversation.id],
    );
    expect(told!.text).toContain(`Your request No. ${made.json().number}`);
    // An emptied description still carries the transcript.
    const record = (await api('GET', `/records/request/${made.json().id}`, operator)).json();
    expect(record.data.description).toContain('Hello, where is my order?');

    const [thread] = await h.db.query<{ id: string }>(
      "select id from conversation where channel = 'portal' limit 1",
    );
    const refused = await api('POST', `/conversations/${thread!.id}/escalate`, operator, { data: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('escalation_unavailable');
  });
});
