import { deflateSync } from 'node:zlib';
import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../server/src/testing/fake-telegram.js';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { linesWorkRoundTheClock } from './support/round-the-clock.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * A Telegram user writes to the support bot (an update posted to the published channel's webhook, the Bot API a
 * fake one on localhost); the operator sees the conversation appear live in «Диалоги», unread, opens it, answers
 * with Enter and leaves an internal note; the fake Telegram receives the answer only; the client card shows the
 * conversation in «Переписка». Screenshots at 1280 and 375 px.
 */
describe('operators answer conversations in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: OporaClient;
  let page: Page;
  const fake = new FakeTelegram();
  const hookSecret = 'e2e-hook-secret';
  const operator = { login: 'olga', password: 'operator-password-1' };
  const chat = { id: 88001, type: 'private', first_name: 'Ирина', last_name: 'Котова' };
  let update = 500;

  const telegramWrites = async (message: Record<string, unknown>, from = chat) => {
    const response = await fetch(`${server.baseUrl}/api/v1/channels/support-bot/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': hookSecret },
      body: JSON.stringify({
        update_id: ++update,
        message: { message_id: update, chat: from, from, ...message },
      }),
    });
    expect(response.status).toBe(200);
  };
  const shoot = async (name: string) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      await page.screenshot({ path: screenshotPath(`${name}-${width}`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  beforeAll(async () => {
    await fake.start();
    server = await startServer();
    browser = await launchBrowser();
    admin = await adminApiClient(server);
    await linesWorkRoundTheClock(admin, undefined, { withoutBots: true });
    await admin.setSecret('tg_token', '42:e2e-token');
    await admin.setSecret('tg_hook', hookSecret);
    const channel = await admin.createDefinition({
      kind: 'channel',
      key: 'support-bot',
      name: 'Бот поддержки',
      body: {
        schemaVersion: 1,
        title: { ru: 'Бот поддержки' },
        settings: {
          type: 'telegram',
          tokenSecret: 'tg_token',
          webhookSecret: 'tg_hook',
          mode: 'webhook',
          apiRoot: fake.apiRoot,
        },
      },
    });
    await admin.publishDefinition(channel.id, 1);
    await admin.createUser({ ...operator, name: 'Ольга Смирнова', roles: ['operator'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake.stop();
  });

  it('shows a new Telegram conversation live, unread, in «Диалоги»', async () => {
    await signIn(
      page,
      `${server.baseUrl}/operator/conversations`,
      operator.login,
      operator.password,
      'operator-window',
    );
    await page.getByTestId('conversations-empty').waitFor();
    fake.files.set('photo-1', tinyPng());
    await telegramWrites({ text: 'Здравствуйте! Оплатил заказ, а он всё ещё «ожидает оплаты»' });
    await telegramWrites({ caption: 'Вот чек', photo: [{ file_id: 'photo-1', file_size: 100 }] });
    const row = page.getByTestId('conversation-row');
    await row.waitFor();
    expect(await row.textContent()).toContain('Ирина');
    await expect.poll(() => row.textContent()).toContain('Вот чек');
    expect(await row.getAttribute('data-unread')).toBe('true');
    await expect.poll(() => page.title()).toMatch(/^\(1\) /);
    await shoot('conversations-list');
  });

  it('opens it, answers with Enter and leaves an internal note only colleagues see', async () => {
    await page.getByTestId('conversation-row').click();
    await page.getByTestId('conversation-thread').waitFor();
    await expect.poll(() => page.getByTestId('message').count()).toBe(2);
    await page.getByTestId('attachment').waitFor();
    await expect.poll(() => page.getByTestId('conversation-row').getAttribute('data-unread')).toBe('false');
    await expect.poll(() => page.title()).not.toMatch(/^\(/);

    const box = page.getByTestId('answer-text');
    await box.fill('Ирина, здравствуйте! Проверяю платёж.');
    await box.press('Shift+Enter');
    await box.pressSequentially('Минуту, пожалуйста.');
    await box.press('Enter');
    const answer = page.locator('[data-testid="message"][data-direction="out"]').first();
    await answer.waitFor();
    expect(await answer.textContent()).toContain('Проверяю платёж.\nМинуту');
    await expect
      .poll(() => fake.sent().map((call) => (call.payload as { text?: string }).text))
      .toContain('Ирина, здравствуйте! Проверяю платёж.\nМинуту, пожалуйста.');
    // The send job's result comes back over the socket.
    await expect
      .poll(() => answer.getByTestId('delivery').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('sent');

    await page.getByTestId('answer-internal').check();
    await box.fill('Платёж прошёл в 10:42, статус не обновился — передаю в биллинг');
    await box.press('Enter');
    await page.locator('[data-testid="message"][data-internal="true"]').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      fake
        .sent()
        .map((call) => (call.payload as { text?: string }).text)
        .join('\n'),
    ).not.toContain('биллинг');
    await shoot('conversations-thread');
  });

  it('sees the client’s next message arrive in the open conversation', async () => {
    await telegramWrites({ text: 'Спасибо, жду' });
    await expect.poll(() => page.getByTestId('message').count()).toBe(5);
    // Read at once: it is on screen.
    await expect.poll(() => page.getByTestId('conversation-row').getAttribute('data-unread')).toBe('false');
  });

  it('shows the conversation on the client card’s «Переписка»', async () => {
    await page.getByRole('link', { name: 'Карточка клиента' }).click();
    await page.getByTestId('card-screen').waitFor();
    await page.getByRole('tab', { name: 'Переписка' }).click();
    const timeline = page.getByTestId('timeline-conversation');
    await timeline.waitFor();
    expect(await timeline.textContent()).toContain('Telegram');
    expect(await timeline.getByTestId('message').count()).toBe(5);
    await page.getByTestId('client-contact').waitFor();
    await shoot('conversations-client-card');
  });

  it('merges the Telegram contact into the client’s existing card, history and all', async () => {
    const known = await admin.createRecord('client', {
      fullName: 'Котова Ирина Сергеевна',
      email: 'i.kotova@example.ru',
    });
    await page.getByTestId('merge-contact').click();
    await page.getByRole('combobox').fill('Котова Ирина');
    await page.getByRole('option', { name: /Котова Ирина Сергеевна/ }).click();
    await page.getByTestId('merge-target').waitFor();
    await shoot('conversations-merge');
    await page.locator('dialog[open]').getByTestId('confirm').click();
    await page.getByText('Клиент ещё не писал ни в один канал.').waitFor();
    await page.goto(`${server.baseUrl}/work/client/${known.id}`);
    await page.getByRole('tab', { name: 'Переписка' }).click();
    await expect.poll(() => page.getByTestId('timeline-conversation').getByTestId('message').count()).toBe(5);
  });

  it('reads a long history backwards as it scrolls up, and closes the conversation', async () => {
    const talkative = { id: 88002, type: 'private', first_name: 'Пётр', last_name: 'Орлов' };
    for (let n = 1; n <= 60; n++) await telegramWrites({ text: `Сообщение ${n}` }, talkative);
    await page.goto(`${server.baseUrl}/operator/conversations`);
    await page.getByTestId('conversation-row').filter({ hasText: 'Пётр' }).click();
    await expect.poll(() => page.getByTestId('message').count()).toBe(50);
    await page.getByTestId('history').evaluate((history) => history.scrollTo(0, 0));
    await expect.poll(() => page.getByTestId('message').count()).toBe(60);
    expect(await page.getByTestId('message').first().textContent()).toContain('Сообщение 1');
    await page.getByTestId('thread-status').click();
    await expect.poll(() => page.getByTestId('conversation-row').filter({ hasText: 'Пётр' }).count()).toBe(0);
    await page.getByTestId('conversations-filter-closed').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'Пётр' }).waitFor();
  });
});

/** A 48×32 PNG of one colour: a real picture for the history's thumbnail. */
function tinyPng(): Uint8Array {
  const width = 48;
  const height = 32;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0x4f, 0x9d, 0xe8]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', pixels),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
