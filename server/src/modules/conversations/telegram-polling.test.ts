import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDefinition } from '../../testing/definitions.js';
import { FakeTelegram } from '../../testing/fake-telegram.js';
import { createSupportDesk, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { TelegramPollers } from './telegram-pollers.js';

/** A bot without a public address: the server long-polls the (fake) Bot API for its updates. */
describe.each(databaseTargets)('a Telegram channel in polling mode on $name', (target) => {
  let h: Harness;
  let pollers: TelegramPollers;
  const fake = new FakeTelegram();
  const warnings: object[] = [];
  const chat = { id: 8001, type: 'private', first_name: 'Пётр' };
  const update = (id: number, text: string) => ({
    update_id: id,
    message: { message_id: id, chat, from: chat, text, date: 1_800_000_000 },
  });
  const texts = async () =>
    (
      await h.db.query<{ text: string }>(
        "select m.text from message m join conversation c on c.id = m.conversation_id where c.channel_key = 'polled-bot' order by m.seq",
      )
    ).map((row) => row.text);

  const newPollers = () =>
    new TelegramPollers({
      db: h.db,
      conversations: h.app.conversations,
      channels: h.app.channels,
      log: { warn: (details) => warnings.push(details) },
      refreshMs: 200,
      longPollSeconds: 1,
      backoffMs: 50,
    });

  beforeAll(async () => {
    await fake.start();
    h = await createHarness(target, { secretsKey: 'telegram-polling-test-key-0001' });
    await createSupportDesk(h);
    await publishPortal(h);
    await h.app.secrets.put('tg_token', '42:token', undefined, null);
    await h.app.secrets.put('tg_hook', 'unused-hook-secret', undefined, null);
    await publishDefinition(h, {
      kind: 'channel',
      key: 'polled-bot',
      name: 'Бот без адреса',
      body: {
        schemaVersion: 1,
        title: { ru: 'Бот без адреса' },
        settings: {
          type: 'telegram',
          tokenSecret: 'tg_token',
          webhookSecret: 'tg_hook',
          mode: 'polling',
          apiRoot: fake.apiRoot,
        },
      },
    });
    pollers = newPollers();
    await pollers.start();
  });
  afterAll(async () => {
    await pollers.close();
    await h.close();
    await fake.stop();
  });

  it('polls only the channels in polling mode, dropping a webhook first', async () => {
    expect(pollers.polling).toEqual(['polled-bot']);
    await expect.poll(() => fake.sent('deleteWebhook').length).toBe(1);
  });

  it('takes updates in order, each once, and confirms them only after they are stored', async () => {
    fake.queueUpdate(update(1, 'Добрый день'));
    fake.queueUpdate(update(2, 'Вопрос по оплате'));
    fake.queueUpdate(update(2, 'Вопрос по оплате'));
    await expect.poll(texts, { timeout: 10_000 }).toEqual(['Добрый день', 'Вопрос по оплате']);
    await expect.poll(() => fake.pendingUpdates, { timeout: 10_000 }).toBe(0);
  });

  it('backs off when the Bot API fails and carries on', async () => {
    fake.failNext('getUpdates', 502, 'Bad Gateway');
    fake.failNext('getUpdates', 429, 'Too Many Requests', { retry_after: 1 });
    await expect.poll(() => warnings.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    fake.queueUpdate(update(3, 'После сбоя'));
    await expect.poll(texts, { timeout: 15_000 }).toContain('После сбоя');
  });

  it('stops on close; after a restart it takes what waited, and what was taken but unconfirmed only once', async () => {
    await pollers.close();
    fake.queueUpdate(update(4, 'Пока сервер стоял'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await texts()).not.toContain('Пока сервер стоял');
    // Update 3 may have been stored but not yet confirmed (that happens with the next call): then it comes again.
    expect(fake.pendingUpdates).toBeGreaterThanOrEqual(1);
    pollers = newPollers();
    await pollers.start();
    await expect.poll(texts, { timeout: 10_000 }).toContain('Пока сервер стоял');
    expect((await texts()).filter((text) => text === 'После сбоя')).toHaveLength(1);
  });
});
