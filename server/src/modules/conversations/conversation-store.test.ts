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

  it('answers a conversation once per writer id, stamps the first response, keeps notes internal', async () => {
    const question = await h.app.conversations.takeInbound(
      telegram,
      inbound({ externalId: '3001', displayName: 'Антон' }, 'Где заказ?'),
    );
    const id = question.conversation.id;
    const note = await h.app.conversations.answer(
      id,
      {
        authorKind: 'operator',
        internal: true,
        message: { text: 'Проверю склад', parts: [], attachments: [] },
      },
      null,
    );
    expect(note).toMatchObject({ internal: true, delivery: null, direction: 'out' });
    let [row] = await h.db.query<{ first_response_at: Date | null }>(
      'select first_response_at from conversation where id = ?',
      [id],
    );
    expect(row!.first_response_at).toBeNull();
    const draft = { text: 'Заказ у курьера', parts: [], attachments: [] };
    const answer = await h.app.conversations.answer(
      id,
      { authorKind: 'operator', message: draft, clientMessageId: 'op-1' },
      null,
    );
    const retried = await h.app.conversations.answer(
      id,
      { authorKind: 'operator', message: draft, clientMessageId: 'op-1' },
      null,
    );
    expect(retried.id).toBe(answer.id);
    expect(answer).toMatchObject({ delivery: 'queued', authorKind: 'operator', internal: false });
    [row] = await h.db.query<{ first_response_at: Date | null }>(
      'select first_response_at from conversation where id = ?',
      [id],
    );
    expect(row!.first_response_at).not.toBeNull();
    await expect(
      h.app.conversations.answer(
        '00000000-0000-0000-0000-000000000000',
        { authorKind: 'operator', message: draft },
        null,
      ),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('merges a Telegram contact into an e-mail client: one card, both histories, in order', async () => {
    const byMail = await h.app.conversations.takeInbound(
      email,
      inbound(
        { externalId: 'sveta@example.ru', email: 'sveta@example.ru', displayName: 'Светлана' },
        'Письмо про возврат',
      ),
    );
    const byTelegram = await h.app.conversations.takeInbound(
      telegram,
      inbound({ externalId: '4001', displayName: 'Света' }, 'Это я из Telegram'),
    );
    const card = byMail.conversation.clientRecordId!;
    expect(byTelegram.conversation.clientRecordId).not.toBe(card);
    const merged = await h.app.conversations.mergeContact(byTelegram.conversation.contactId, card, null);
    expect(merged).toEqual({ movedContacts: 1, movedConversations: 1 });
    const timeline = await h.app.conversations.timeline(card);
    expect(timeline.conversations.map((c) => c.channel)).toEqual(['telegram', 'email']);
    expect(timeline.messages.map((m) => m.text).sort()).toEqual(['Письмо про возврат', 'Это я из Telegram']);
    expect(
      await count("select 1 from audit_log where target_type = 'contact' and target_id = ?", [
        byTelegram.conversation.contactId,
      ]),
    ).toBe(1);
  });

  it('pages a long timeline without losing or repeating a conversation', async () => {
    const card = (
      await h.app.conversations.takeInbound(
        email,
        inbound(
          { externalId: 'many@example.ru', email: 'many@example.ru', displayName: 'Многоканальный' },
          'Первое',
        ),
      )
    ).conversation.clientRecordId!;
    for (let i = 0; i < 4; i++) {
      const other = await h.app.conversations.takeInbound(
        widget,
        inbound({ externalId: `many-${i}` }, `Чат ${i}`),
      );
      await h.app.conversations.mergeContact(other.conversation.contactId, card, null);
    }
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await h.app.conversations.timeline(card, { limit: 2, before });
      seen.push(...page.conversations.map((c) => c.id));
      before = page.nextBefore;
    } while (before);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    await expect(
      h.app.conversations.timeline(card, { before: "'; drop table message; --" }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
