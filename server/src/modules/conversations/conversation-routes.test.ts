import type { InboundMessage } from '@opora/runtime/conversations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportDesk, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const telegram = { type: 'telegram' as const, key: 'support-bot' };
let sequence = 0;
const inbound = (externalId: string, displayName: string, text: string): InboundMessage => ({
  from: { externalId, displayName },
  externalMessageId: `r-${++sequence}`,
  message: { text, parts: [], attachments: [] },
  files: [],
});

describe.each(databaseTargets)('conversations over the API on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    operator = await h.as('operator');
  });
  afterAll(() => h.close());

  it('lists open conversations with who wrote and the last message, and pages without counting', async () => {
    await h.app.conversations.takeInbound(telegram, inbound('5001', 'Анна', 'Не приходит код'));
    await h.app.conversations.takeInbound(telegram, inbound('5002', 'Борис', 'Как вернуть товар?'));
    const res = await call('GET', '/conversations?status=open&limit=1', operator);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      hasMore: true,
      items: [{ contact: { displayName: 'Борис' }, lastMessage: { text: 'Как вернуть товар?' } }],
    });
  });

  it('lets an operator answer, once per clientMessageId, and read the history back', async () => {
    const taken = await h.app.conversations.takeInbound(telegram, inbound('5003', 'Вера', 'Здравствуйте!'));
    const url = `/conversations/${taken.conversation.id}/messages`;
    const answer = { text: 'Здравствуйте, Вера! Чем помочь?', clientMessageId: 'tab-1-1' };
    const first = await call('POST', url, operator, answer);
    expect(first.statusCode).toBe(201);
    expect((await call('POST', url, operator, answer)).json().id).toBe(first.json().id);
    const history = (await call('GET', `${url}?afterSeq=0`, operator)).json();
    expect(history.messages.map((m: { text: string }) => m.text)).toEqual(['Здравствуйте!', answer.text]);
    const after = (await call('GET', `${url}?afterSeq=${history.messages[0].seq}`, operator)).json();
    expect(after.messages).toHaveLength(1);
    expect(history.conversation.firstResponseAt).not.toBeNull();
  });

  it('refuses empty answers, unknown conversations, clients and anonymous callers', async () => {
    const taken = await h.app.conversations.takeInbound(telegram, inbound('5004', 'Галина', 'Помогите'));
    const url = `/conversations/${taken.conversation.id}/messages`;
    expect((await call('POST', url, operator, { text: '   ' })).statusCode).toBe(400);
    expect((await call('POST', url, operator, { text: 'x'.repeat(20_001) })).statusCode).toBe(400);
    const unknown = '/conversations/00000000-0000-0000-0000-000000000000/messages';
    expect((await call('POST', unknown, operator, { text: 'Здравствуйте' })).statusCode).toBe(404);
    expect((await call('GET', '/conversations', {})).statusCode).toBe(401);
    expect((await call('GET', '/conversations', await h.as('client'))).statusCode).toBe(403);
    expect((await call('GET', url, await h.as('analyst'))).statusCode).toBe(403);
  });

  it('shows the client card’s timeline and merges contacts into a client card only', async () => {
    const mail = await h.app.conversations.takeInbound(telegram, inbound('5005', 'Дарья', 'Первый канал'));
    const other = await h.app.conversations.takeInbound(telegram, inbound('5006', 'Даша', 'Второй канал'));
    const card = mail.conversation.clientRecordId!;
    const merge = (clientRecordId: string) =>
      call('POST', `/contacts/${other.conversation.contactId}/merge`, operator, { clientRecordId });
    expect((await merge(other.conversation.id)).statusCode).toBe(404);
    expect((await merge(card)).json()).toEqual({ movedContacts: 1, movedConversations: 1 });
    const timeline = (await call('GET', `/records/client/${card}/conversations`, operator)).json();
    expect(timeline.conversations).toHaveLength(2);
    expect(
      (await call('GET', `/records/client/${card}/conversations?before=nonsense`, operator)).statusCode,
    ).toBe(400);
  });
});
