import type { OporaClient } from '@opora/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

const secretValue = '123456:bot-token-never-shown-Qw7';

/** An admin sets up a channel in its form: the chat widget for a shop's site, then a Telegram bot. */
describe('channel designer in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: OporaClient;

  beforeAll(async () => {
    server = await startServer();
    api = await adminApiClient(server);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    page = await context.newPage();
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-channel');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a widget channel, is refused a site address with a path, publishes and copies the snippet', async () => {
    await page.getByTestId('nav-channel').click();
    await page.getByTestId('create-definition').click();
    await page.getByTestId('definition-name').fill('Чат на сайте магазина');
    await page.getByTestId('definition-key').fill('shop-chat');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('channel-form').waitFor();
    expect(await page.getByTestId('channel-type-widget').locator('input').isChecked()).toBe(true);

    await page.getByTestId('channel-origin-add').click();
    await page.getByTestId('channel-origin').fill('https://shop.example.ru/contacts');
    await expect
      .poll(() => page.getByTestId('channel-origin-error').textContent())
      .toContain('без пути, параметров и косой черты в конце: https://shop.example.ru');
    // The server refuses it too (the same schema): nothing is published.
    await page.getByTestId('publish-definition').click();
    await page.locator('.banner.error').waitFor();
    expect(await page.getByTestId('publish-result').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('channel-widget-bad-origin'), fullPage: true });

    await page.getByTestId('channel-origin').fill('https://shop.example.ru');
    await expect.poll(() => page.getByTestId('channel-origin-error').count()).toBe(0);
    await page.getByTestId('channel-greeting-ru').fill('Здравствуйте! Чем помочь?');
    await page.getByTestId('channel-greeting-en').fill('Hello! How can we help?');
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 20_000 })
      .toContain('Опубликована версия 1');

    const snippet = `<script src="${server.baseUrl}/widget.js" data-channel="shop-chat" async></script>`;
    expect(await page.getByTestId('channel-snippet').inputValue()).toBe(snippet);
    await page.getByTestId('channel-snippet-copy').click();
    await page.getByText('Скопировано').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await page.screenshot({ path: screenshotPath('channel-widget-1280'), fullPage: true });

    const [channel] = (await api.listDefinitions({ kind: 'channel', q: 'shop-chat' })).items;
    expect((await api.getVersion(channel!.id, 1)).body).toMatchObject({
      settings: {
        type: 'widget',
        allowedOrigins: ['https://shop.example.ru'],
        greeting: { ru: 'Здравствуйте! Чем помочь?', en: 'Hello! How can we help?' },
      },
    });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByTestId('channel-form').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('channel-widget-375'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('switches to a Telegram bot whose token is a secret created on the spot and never shown again', async () => {
    await page.getByTestId('channel-type-telegram').click();
    await page.getByTestId('channel-settings-telegram').waitFor();
    // The widget is live: the admin is told the switch changes what clients reach once published.
    await page.getByText('Канал уже опубликован').waitFor();
    await page.getByTestId('channel-telegram-token-create').click();
    expect(await page.getByTestId('secret-name').inputValue()).toBe('shop_chat_token');
    await page.getByTestId('secret-value').fill(secretValue);
    await page.getByTestId('secret-save').click();
    await expect.poll(() => page.getByTestId('channel-telegram-token').inputValue()).toBe('shop_chat_token');

    await page.getByTestId('channel-telegram-webhook-secret-create').click();
    await page.getByTestId('secret-value').fill('hook-secret-Zr4');
    await page.getByTestId('secret-save').click();
    await expect
      .poll(() => page.getByTestId('channel-telegram-webhook-secret').inputValue())
      .toBe('shop_chat_webhook');
    expect(await page.getByTestId('channel-telegram-webhook-url').inputValue()).toBe(
      `${server.baseUrl}/api/v1/channels/shop-chat/telegram`,
    );
    await page.screenshot({ path: screenshotPath('channel-telegram-1280'), fullPage: true });
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 20_000 })
      .toContain('Опубликована версия 2');
    expect(await page.content()).not.toContain(secretValue);

    const [channel] = (await api.listDefinitions({ kind: 'channel', q: 'shop-chat' })).items;
    const body = (await api.getVersion(channel!.id, 2)).body;
    expect(body).toMatchObject({
      settings: { type: 'telegram', tokenSecret: 'shop_chat_token', webhookSecret: 'shop_chat_webhook' },
    });
    expect(JSON.stringify(body)).not.toContain(secretValue);
  });
});
