import type { InboundMessage } from '@opora/runtime/conversations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendPacing } from '../../channels/telegram/send-pacing.js';
import { TelegramAdapter } from '../../channels/telegram/telegram-adapter.js';
import { FakeTelegram } from '../../testing/fake-telegram.js';
import { createSupportDesk, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const telegram = { type: 'telegram' as const, key: 'support-bot' };
const slowStart = { type: 'telegram' as const, key: 'slow-start-bot' };
let sequence = 0;
const inbound = (externalId: string, text: string): InboundMessage => ({
  from: { externalId, displayName: 'Клиент' },
  externalMessageId: `s-${++sequence}`,
  message: { text, parts: [], attachments: [] },
  files: [],
});

/** Telegram on a slow network for the first answer of a dialog: it leaves last unless sends keep their order. */
class SlowFirstAnswer extends TelegramAdapter {
  override async send(...args: Parameters<TelegramAdapter['send']>) {
    if (args[1].message.text === 'Первое') await new Promise((r) => setTimeout(r, 600));
    return super.send(...args);
  }
}

describe.each(databaseTargets)('sending answers through their channel on $name', (target) => {
  let h: Harness;
  const fake = new FakeTelegram();
  /** Until no send job is waiting or running: the worker runs them as it would in the server. */
  const work = () =>
    expect
      .poll(
        async () => (await h.db.query("select 1 from job where status in ('pending', 'running')")).length,
        {
          timeout: 10_000,
        },
      )
      .toBe(0);
  const delivery = async (id: string) =>
    (
      await h.db.query<{ delivery: string; external_id: string | null; delivery_error: string | null }>(
        'select delivery, external_id, delivery_error from message where id = ?',
        [id],
      )
    )[0]!;
  const answer = (conversationId: string, text: string, clientMessageId?: string) =>
    h.app.conversations.answer(
      conversationId,
      { authorKind: 'operator', message: { text, parts: [], attachments: [] }, clientMessageId },
      null,
    );

  beforeAll(async () => {
    await fake.start();
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    const adapter = new TelegramAdapter(new SendPacing(() => performance.now(), 0));
    h.app.channels.register(telegram.key, async () => ({
      type: 'telegram',
      adapter,
      settings: { token: '1:t', webhookSecret: 's', apiRoot: fake.apiRoot },
    }));
    // The same channel whose first answer of a dialog takes a while to go out, as on a slow network.
    h.app.channels.register(slowStart.key, async () => ({
      type: 'telegram',
      adapter: new SlowFirstAnswer(new SendPacing(() => performance.now(), 0)),
      settings: { token: '1:t', webhookSecret: 's', apiRoot: fake.apiRoot },
    }));
    h.app.jobWorker.start();
  });
  afterAll(async () => {
    await h.close();
    await fake.stop();
  });

  it('sends an operator’s answer once and records the channel’s id of it', async () => {
    const question = await h.app.conversations.takeInbound(telegram, inbound('6001', 'Где мой заказ?'));
    const sent = await answer(question.conversation.id, 'Заказ передан курьеру', 'tab-1');
    await answer(question.conversation.id, 'Заказ передан курьеру', 'tab-1');
    expect(sent.delivery).toBe('queued');
    await work();
    expect(await delivery(sent.id)).toMatchObject({
      delivery: 'sent',
      external_id: expect.stringMatching(/^6001:\d+$/),
    });
    expect(fake.sent().filter((c) => c.chatId === '6001')).toHaveLength(1);
  });

  it('delivers a dialog’s answers in the order they were written, though sends run side by side', async () => {
    const question = await h.app.conversations.takeInbound(slowStart, inbound('6005', 'Сменить пароль'));
    const texts = ['Первое', 'Второе', 'Третье'];
    for (const text of texts) await answer(question.conversation.id, text);
    await work();
    const sent = fake.sent().filter((c) => c.chatId === '6005');
    expect(sent.map((c) => (c.payload as { text?: string }).text)).toEqual(texts);
  });

  it('keeps internal notes at home', async () => {
    const question = await h.app.conversations.takeInbound(telegram, inbound('6002', 'Вопрос'));
    const before = fake.calls.length;
    await h.app.conversations.answer(
      question.conversation.id,
      { authorKind: 'operator', internal: true, message: { text: 'заметка', parts: [], attachments: [] } },
      null,
    );
    await work();
    expect(fake.calls.length).toBe(before);
  });

  it('marks a message failed with the reason when it cannot be delivered', async () => {
    const question = await h.app.conversations.takeInbound(telegram, inbound('6003', 'Привет'));
    fake.failNext('sendMessage', 403, 'Forbidden: bot was blocked by the user');
    const sent = await answer(question.conversation.id, 'Здравствуйте!');
    await work();
    expect(await delivery(sent.id)).toMatchObject({
      delivery: 'failed',
      delivery_error: expect.stringContaining('blocked'),
    });
  });

  it('fails answers of a channel nobody configured instead of keeping them queued', async () => {
    const question = await h.app.conversations.takeInbound(
      { type: 'telegram', key: 'old-bot' },
      inbound('6004', 'Привет'),
    );
    const sent = await answer(question.conversation.id, 'Здравствуйте!');
    await work();
    expect(await delivery(sent.id)).toMatchObject({
      delivery: 'failed',
      delivery_error: expect.stringContaining('old-bot'),
    });
  });
});
