import type { OporaClient } from '@opora/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeImap } from '../../server/src/testing/fake-imap.js';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { linesWorkRoundTheClock } from './support/round-the-clock.js';
import { type RunningServer, startServer } from './support/server-process.js';

const secretValue = '123456:bot-token-never-shown-Qw7';

/**
 * An admin sets up a channel in its form: the chat widget for a shop's site, then a Telegram bot, then a support
 * mailbox polled over IMAP (a fake IMAP server on localhost), whose new mail becomes a conversation.
 */
describe('channel designer in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: OporaClient;
  const mailbox = new FakeImap('help@shop.example', 'imap-password-Ux3');

  beforeAll(async () => {
    await mailbox.start();
    server = await startServer();
    api = await adminApiClient(server);
    await linesWorkRoundTheClock(api, undefined, { withoutBots: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    page = await context.newPage();
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-channel');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mailbox.stop();
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

  it('switches to a support mailbox polled over IMAP; a new mail in it becomes a conversation', async () => {
    await page.getByTestId('channel-type-email').click();
    await page.getByTestId('channel-email-address').fill('help@shop.example');
    await page.getByTestId('channel-smtp-host').fill('127.0.0.1');
    await page.getByTestId('channel-imap-on').check();
    expect(await page.getByTestId('channel-imap-port').inputValue()).toBe('993');
    await page.getByTestId('channel-imap-secure').uncheck();
    expect(await page.getByTestId('channel-imap-port').inputValue()).toBe('143');
    await page.getByTestId('channel-imap-host').fill('127.0.0.1');
    await page.getByTestId('channel-imap-port').fill(String(mailbox.port));
    await page.getByTestId('channel-imap-user').fill('help@shop.example');
    await page.getByTestId('channel-imap-poll-seconds').fill('15');
    await page.getByTestId('channel-imap-password-create').click();
    expect(await page.getByTestId('secret-name').inputValue()).toBe('shop_chat_imap_password');
    await page.getByTestId('secret-value').fill(mailbox.password);
    await page.getByTestId('secret-save').click();
    await expect
      .poll(() => page.getByTestId('channel-imap-password').inputValue())
      .toBe('shop_chat_imap_password');
    await page.getByTestId('channel-imap-poll-seconds').fill('5');
    await page.getByText('Число секунд от 15 до 3600').waitFor();
    await page.getByTestId('channel-imap-poll-seconds').fill('15');
    await page.screenshot({ path: screenshotPath('channel-email-imap-1280'), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('channel-email-imap-375'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 20_000 })
      .toContain('Опубликована версия 3');
    const [channel] = (await api.listDefinitions({ kind: 'channel', q: 'shop-chat' })).items;
    expect((await api.getVersion(channel!.id, 3)).body).toMatchObject({
      settings: {
        type: 'email',
        address: 'help@shop.example',
        imap: {
          host: '127.0.0.1',
          port: mailbox.port,
          secure: false,
          user: 'help@shop.example',
          passwordSecret: 'shop_chat_imap_password',
          pollSeconds: 15,
        },
      },
    });

    const uid = mailbox.deliver(
      'From: Пётр <petr@client.example>\r\nTo: help@shop.example\r\nSubject: Доставка\r\nMessage-ID: <e2e-1@client.example>\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nКогда привезут заказ?\r\n',
    );
    // The server looks for newly published mailboxes every 30 seconds, then polls at once.
    const conversation = async () =>
      (await api.conversations.list()).items.find((item) => item.channelKey === 'shop-chat');
    await expect
      .poll(async () => (await conversation())?.lastMessage?.text, { timeout: 60_000, interval: 1000 })
      .toBe('Когда привезут заказ?');
    expect(await conversation()).toMatchObject({ channel: 'email', subject: 'Доставка' });
    expect(mailbox.message(uid)!.flags.has('\\Seen')).toBe(true);
    expect(mailbox.unknown).toEqual([]);
  });
});
