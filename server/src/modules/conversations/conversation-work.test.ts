import type { AddressInfo } from 'node:net';
import type { InboundMessage } from '@opora/runtime/conversations';
import type { LiveMessage } from '@opora/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSupportDesk, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const telegram = { type: 'telegram' as const, key: 'support-bot' };
let sequence = 0;
const inbound = (externalId: string, text: string, files: InboundMessage['files'] = []): InboundMessage => ({
  from: { externalId, displayName: `Клиент ${externalId}` },
  externalMessageId: `w-${++sequence}`,
  message: { text, parts: [], attachments: [] },
  files,
});

/** What the «Диалоги» screen needs beyond the list and answers: close/reopen, unread marks, attachments. */
describe.each(databaseTargets)('the operators’ conversation screen on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  let supervisor: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const listItem = async (id: string, headers = operator) =>
    (await call('GET', '/conversations?limit=100', headers))
      .json()
      .items.find((item: { id: string }) => item.id === id);

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    operator = await h.as('operator');
    supervisor = await h.as('supervisor');
    await h.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => h.close());

  it('closes a conversation with its resolution time and an audit row, and reopens it', async () => {
    const { conversation } = await h.app.conversations.takeInbound(telegram, inbound('6001', 'Спасибо, всё'));
    const closed = await call('POST', `/conversations/${conversation.id}/close`, operator);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().resolvedAt).not.toBeNull();
    expect((await call('GET', '/conversations?status=closed', operator)).json().items[0].id).toBe(
      conversation.id,
    );
    const audit = await h.db.query<{ after: unknown }>(
      `select after from audit_log where target_type = 'conversation' and target_id = ?`,
      [conversation.id],
    );
    expect(audit).toHaveLength(1);
    const reopened = (await call('POST', `/conversations/${conversation.id}/reopen`, operator)).json();
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, resolvedAt: closed.json().resolvedAt });
    // Reopening an open conversation changes nothing and writes nothing.
    await call('POST', `/conversations/${conversation.id}/reopen`, operator);
    const rows = await h.db.query(
      `select 1 from audit_log where target_type = 'conversation' and target_id = ?`,
      [conversation.id],
    );
    expect(rows).toHaveLength(2);
  });

  it('marks a conversation unread per operator until they read it, and counts unread conversations', async () => {
    const before = (await call('GET', '/conversations/unread', operator)).json().count;
    const taken = await h.app.conversations.takeInbound(telegram, inbound('6002', 'Где мой заказ?'));
    const id = taken.conversation.id;
    expect(await listItem(id)).toMatchObject({ unread: 1, lastReadSeq: 0 });
    expect((await call('GET', '/conversations/unread', operator)).json().count).toBe(before + 1);
    const read = await call('POST', `/conversations/${id}/read`, operator, { seq: taken.message.seq });
    expect(read.json()).toEqual({ lastReadSeq: taken.message.seq });
    expect(await listItem(id)).toMatchObject({ unread: 0, lastReadSeq: taken.message.seq });
    // Another operator's marks are their own; an older position never moves the mark back.
    expect((await listItem(id, supervisor)).unread).toBe(1);
    expect((await call('POST', `/conversations/${id}/read`, operator, { seq: 0 })).json().lastReadSeq).toBe(
      taken.message.seq,
    );
    // A position past the last message is held at it, so a later client message still counts as unread.
    await call('POST', `/conversations/${id}/read`, operator, { seq: taken.message.seq + 1000 });
    await h.app.conversations.takeInbound(telegram, inbound('6002', 'Алло?'));
    expect((await listItem(id)).unread).toBe(1);
    expect((await call('GET', '/conversations/unread', operator)).json().count).toBe(before + 1);
  });

  it('reads a long history backwards with beforeSeq, oldest first in each page', async () => {
    let last = await h.app.conversations.takeInbound(telegram, inbound('6003', 'Сообщение 1'));
    for (let n = 2; n <= 5; n++)
      last = await h.app.conversations.takeInbound(telegram, inbound('6003', `Сообщение ${n}`));
    const url = `/conversations/${last.conversation.id}/messages`;
    const page = (await call('GET', `${url}?beforeSeq=${last.message.seq}&limit=2`, operator)).json();
    expect(page.messages.map((m: { text: string }) => m.text)).toEqual(['Сообщение 3', 'Сообщение 4']);
    expect(page.contact).toMatchObject({ channel: 'telegram', displayName: 'Клиент 6003' });
  });

  it('serves an attachment only through a conversation whose messages hold it', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 счёт');
    const taken = await h.app.conversations.takeInbound(
      telegram,
      inbound('6004', 'Счёт во вложении', [{ name: 'счёт.pdf', contentType: 'application/pdf', bytes }]),
    );
    const ref = taken.message.attachments[0]!;
    const file = await call('GET', `/conversations/${taken.conversation.id}/files/${ref.fileId}`, operator);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body).toBe('%PDF-1.4 счёт');
    const other = await h.app.conversations.takeInbound(telegram, inbound('6005', 'Другой'));
    expect(
      (await call('GET', `/conversations/${other.conversation.id}/files/${ref.fileId}`, operator)).statusCode,
    ).toBe(404);
    expect(
      (await call('GET', `/conversations/${taken.conversation.id}/files/nothex`, operator)).statusCode,
    ).toBe(400);
    expect(
      (await call('GET', `/conversations/${taken.conversation.id}/files/${ref.fileId}`, await h.as('client')))
        .statusCode,
    ).toBe(403);
  });

  it('refuses these actions to clients, anonymous callers and unknown conversations', async () => {
    const unknown = '00000000-0000-0000-0000-000000000000';
    expect((await call('POST', `/conversations/${unknown}/close`, operator)).statusCode).toBe(404);
    expect((await call('POST', `/conversations/${unknown}/read`, operator, { seq: 1 })).statusCode).toBe(404);
    expect((await call('POST', `/conversations/${unknown}/read`, operator, { seq: -1 })).statusCode).toBe(
      400,
    );
    expect((await call('GET', '/conversations/unread', {})).statusCode).toBe(401);
    expect((await call('POST', `/conversations/${unknown}/close`, await h.as('client'))).statusCode).toBe(
      403,
    );
  });

  it('tells the staff screens live that a conversation was closed', async () => {
    const { conversation } = await h.app.conversations.takeInbound(telegram, inbound('6007', 'Всё решилось'));
    const port = (h.app.server.address() as AddressInfo).port;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/portal/live`, {
      headers: { cookie: operator.cookie! },
    });
    const heard: LiveMessage[] = [];
    ws.on('message', (data) => heard.push(JSON.parse(String(data)) as LiveMessage));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    await call('POST', `/conversations/${conversation.id}/close`, supervisor);
    for (let i = 0; i < 100 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    // The close comes first; the client's rating question follows it.
    expect(heard[0]).toMatchObject({
      type: 'conversation',
      conversation: { id: conversation.id, status: 'closed' },
    });
    ws.close();
  });

  it('says why an answer was not delivered', async () => {
    const taken = await h.app.conversations.takeInbound(telegram, inbound('6008', 'Ответьте'));
    const url = `/conversations/${taken.conversation.id}/messages`;
    const answer = (await call('POST', url, operator, { text: 'Отвечаю' })).json();
    await h.db.query(`update message set delivery = 'failed', delivery_error = ? where id = ?`, [
      'Forbidden: bot was blocked by the user',
      answer.id,
    ]);
    const history = (await call('GET', url, operator)).json();
    expect(history.messages.at(-1)).toMatchObject({
      delivery: 'failed',
      deliveryError: 'Forbidden: bot was blocked by the user',
    });
  });

  it('lists the card’s contacts with its timeline', async () => {
    const taken = await h.app.conversations.takeInbound(telegram, inbound('6006', 'Привет'));
    const card = taken.conversation.clientRecordId!;
    const timeline = (await call('GET', `/records/client/${card}/conversations`, operator)).json();
    expect(timeline.contacts).toEqual([expect.objectContaining({ id: taken.conversation.contactId })]);
  });
});
