import type { InboundMessage } from '@opora/runtime/conversations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportDesk, knownClientEmail, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const telegram = { type: 'telegram' as const, key: 'support-bot' };
const email = { type: 'email' as const, key: 'support-mail' };
const widget = { type: 'widget' as const, key: 'site' };

let sequence = 0;
const inbound = (
  from: InboundMessage['from'],
  text: string,
  extra: Partial<InboundMessage> = {},
): InboundMessage => ({
  from,
  externalMessageId: `m-${++sequence}`,
  message: { text, parts: [], attachments: [] },
  files: [],
  ...extra,
});

describe.each(databaseTargets)('the conversation store on $name', (target) => {
  let h: Harness;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await h.db.query<{ n: string }>(`select count(*) as n from (${sql}) q`, params))[0]!.n);

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
  });
  afterAll(() => h.close());

  it('opens a conversation for a new person, gives them a client card and audits the message', async () => {
    const taken = await h.app.conversations.takeInbound(
      telegram,
      inbound({ externalId: '1001', displayName: 'Мария Иванова' }, 'Здравствуйте, не могу оплатить заказ'),
    );
    expect(taken).toMatchObject({ opened: true, duplicate: false });
    expect(taken.conversation).toMatchObject({
      status: 'open',
      handler: 'queue',
      channel: 'telegram',
      messageCount: 1,
    });
    expect(taken.message).toMatchObject({
      direction: 'in',
      authorKind: 'client',
      text: 'Здравствуйте, не могу оплатить заказ',
    });
    const client = await h.app.records.get('client', taken.conversation.clientRecordId!, null);
    expect(client.data).toMatchObject({ fullName: 'Мария Иванова' });
    expect(
      await count("select 1 from audit_log where target_type = 'message' and target_id = ?", [
        taken.message.id,
      ]),
    ).toBe(1);
  });

  it('stores a redelivered message once and keeps writing into the open conversation', async () => {
    const first = inbound({ externalId: '1002', displayName: 'Пётр' }, 'Первое');
    const taken = await h.app.conversations.takeInbound(telegram, first);
    const again = await h.app.conversations.takeInbound(telegram, first);
    expect(again).toMatchObject({ duplicate: true, message: { id: taken.message.id } });
    const next = await h.app.conversations.takeInbound(telegram, inbound({ externalId: '1002' }, 'Второе'));
    expect(next).toMatchObject({
      opened: false,
      conversation: { id: taken.conversation.id, messageCount: 2 },
    });
    expect(await count('select 1 from message where conversation_id = ?', [taken.conversation.id])).toBe(2);
  });

  it('recognises a known client by the e-mail address, whatever its case', async () => {
    const taken = await h.app.conversations.takeInbound(
      email,
      inbound(
        { externalId: knownClientEmail.toUpperCase(), email: knownClientEmail.toUpperCase() },
        'Вопрос по счёту',
      ),
    );
    const [known] = await h.db.query<{ id: string }>('select id from record where data @> ?::jsonb', [
      JSON.stringify({ email: knownClientEmail }),
    ]);
    expect(taken.conversation.clientRecordId).toBe(known!.id);
  });

  it('threads an e-mail reply into its conversation and reopens it when it was closed', async () => {
    const from = { externalId: 'olga@example.ru', email: 'olga@example.ru', displayName: 'Ольга' };
    const question = await h.app.conversations.takeInbound(
      email,
      inbound(from, 'Не пришёл заказ', { subject: 'Заказ 12' }),
    );
    await h.db.query("update conversation set status = 'closed', closed_at = now() where id = ?", [
      question.conversation.id,
    ]);
    const reply = await h.app.conversations.takeInbound(
      email,
      inbound(from, 'Всё ещё не пришёл', { replyTo: [question.message.externalId!] }),
    );
    expect(reply.conversation).toMatchObject({
      id: question.conversation.id,
      status: 'open',
      messageCount: 2,
    });
    const unrelated = await h.app.conversations.takeInbound(
      email,
      inbound({ externalId: 'ivan@example.ru', email: 'ivan@example.ru' }, 'Чужая цепочка', {
        replyTo: [question.message.externalId!],
      }),
    );
    expect(unrelated.conversation.id).not.toBe(question.conversation.id);
  });

  it('leaves a visitor who told nothing without a client card', async () => {
    const taken = await h.app.conversations.takeInbound(
      widget,
      inbound({ externalId: 'visitor-1' }, 'Привет'),
    );
    expect(taken.conversation.clientRecordId).toBeNull();
  });

  it('takes simultaneous messages of one new person into one conversation, each redelivery once', async () => {
    const from = { externalId: '2001', displayName: 'Одновременный' };
    const messages = Array.from({ length: 8 }, (_, i) => inbound(from, `Сообщение ${i}`));
    const redelivered = [...messages, ...messages];
    const taken = await Promise.all(redelivered.map((m) => h.app.conversations.takeInbound(telegram, m)));
    expect(new Set(taken.map((t) => t.conversation.id)).size).toBe(1);
    expect(taken.filter((t) => !t.duplicate)).toHaveLength(8);
    expect(await count('select 1 from message where conversation_id = ?', [taken[0]!.conversation.id])).toBe(
      8,
    );
    expect(await count("select 1 from contact where external_id = '2001'")).toBe(1);
  });
});
