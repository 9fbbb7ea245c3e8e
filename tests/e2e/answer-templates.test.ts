import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../server/src/testing/fake-telegram.js';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * The support desk's published answer templates in the operator's composer: a Telegram client writes, the operator opens
 * the dialog, types `/спас`, picks the closing template from the list, and the client receives it with their first
 * name filled in; then a file goes the same way. Screenshots of the open picker at 1280 and 375 px.
 */
describe('operators answer with templates in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: OporaClient;
  let page: Page;
  const fake = new FakeTelegram();
  const hookSecret = 'e2e-templates-hook';
  const operator = { login: 'marina', password: 'operator-password-2' };
  const chat = { id: 88101, type: 'private', first_name: 'Ирина', last_name: 'Котова' };

  const publish = async (definition: Parameters<OporaClient['createDefinition']>[0]) => {
    const created = await admin.createDefinition(definition);
    await admin.publishDefinition(created.id, 1);
  };
  beforeAll(async () => {
    await fake.start();
    server = await startServer();
    browser = await launchBrowser();
    admin = await adminApiClient(server);
    await admin.setSecret('tg_token', '42:e2e-token');
    await admin.setSecret('tg_hook', hookSecret);
    await publish({
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
    await admin.createUser({ ...operator, name: 'Марина Лебедева', roles: ['operator'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake.stop();
  });

  it('types /спас, picks the closing template and sends it with the client’s name', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/channels/support-bot/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': hookSecret },
      body: JSON.stringify({
        update_id: 1,
        message: { message_id: 1, chat, from: chat, text: 'Всё получилось, заказ пришёл!' },
      }),
    });
    expect(response.status).toBe(200);
    await signIn(
      page,
      `${server.baseUrl}/operator/conversations`,
      operator.login,
      operator.password,
      'operator-window',
    );
    await page.getByTestId('conversation-row').click();
    await page.getByTestId('conversation-thread').waitFor();

    const box = page.getByTestId('answer-text');
    await box.pressSequentially('/спас');
    // The support desk's templates: the one whose shortcut starts with it first, already filled in for this dialog.
    const options = page.getByTestId('template-option');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    expect(await options.first().textContent()).toContain('Ирина, спасибо за обращение!');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      await page.screenshot({ path: screenshotPath(`answer-templates-picker-${width}`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    await box.press('ArrowDown');
    await box.press('ArrowUp');
    await box.press('Enter');
    await page.getByTestId('template-picker').waitFor({ state: 'detached' });
    const sent = 'Ирина, спасибо за обращение! Если появятся вопросы, пишите — мы на связи. Хорошего дня!';
    expect(await box.inputValue()).toBe(sent);
    await box.press('Enter');
    await expect
      .poll(() => fake.sent().map((call) => (call.payload as { text?: string }).text))
      .toContain(sent);
    await page.locator('[data-testid="message"][data-direction="out"]').first().waitFor();
    await page.screenshot({ path: screenshotPath('answer-templates-sent-1280') });
  });

  it('attaches a file with the paper clip and sends it to Telegram as a document', async () => {
    await page.getByTestId('answer-file-input').setInputFiles({
      name: 'Акт сверки.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 акт'),
    });
    await expect.poll(() => page.getByTestId('answer-file').getAttribute('data-state')).toBe('ready');
    await page.screenshot({ path: screenshotPath('answer-templates-attachment-1280') });
    await page.getByTestId('answer-send').click();
    await page.getByTestId('answer-file').waitFor({ state: 'detached' });
    await expect.poll(() => fake.sent('sendDocument').length, { timeout: 20_000 }).toBe(1);
  });
});
