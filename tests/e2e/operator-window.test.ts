import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../server/src/testing/fake-telegram.js';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { linesWorkRoundTheClock } from './support/round-the-clock.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * The operator's single window: two clients write in Telegram, the operator opens both dialogs as tabs, the one
 * in the background shows its unread count when its client writes again, the keyboard moves between the tabs
 * and closes one, and the open tabs survive a reload. Screenshots at 1280 and 375 px.
 */
describe('the operator’s single window in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const fake = new FakeTelegram();
  const hookSecret = 'e2e-window-secret';
  const operator = { login: 'nina', password: 'operator-password-2' };
  const anna = { id: 77001, type: 'private', first_name: 'Анна', last_name: 'Белова' };
  const boris = { id: 77002, type: 'private', first_name: 'Борис', last_name: 'Гусев' };
  let update = 900;

  const writes = async (from: typeof anna, text: string) => {
    const response = await fetch(`${server.baseUrl}/api/v1/channels/window-bot/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': hookSecret },
      body: JSON.stringify({ update_id: ++update, message: { message_id: update, chat: from, from, text } }),
    });
    expect(response.status).toBe(200);
  };
  const row = (name: string) => page.getByTestId('conversation-row').filter({ hasText: name });
  const tabOf = async (name: string) => {
    const id = (await row(name).locator('xpath=..').getAttribute('data-testid'))?.replace('queue-item-', '');
    return page.getByTestId(`dialog-tab-${id}`);
  };

  beforeAll(async () => {
    await fake.start();
    server = await startServer();
    browser = await launchBrowser();
    const admin = await adminApiClient(server);
    await admin.setSecret('tg_window', '43:e2e-token');
    await admin.setSecret('tg_window_hook', hookSecret);
    const channel = await admin.createDefinition({
      kind: 'channel',
      key: 'window-bot',
      name: 'Бот',
      body: {
        schemaVersion: 1,
        title: { ru: 'Бот' },
        settings: {
          type: 'telegram',
          tokenSecret: 'tg_window',
          webhookSecret: 'tg_window_hook',
          mode: 'webhook',
          apiRoot: fake.apiRoot,
        },
      },
    });
    await admin.publishDefinition(channel.id, 1);
    // Anna's question has no line of its own: «Общие вопросы» takes it, straight to people here.
    await linesWorkRoundTheClock(admin, ['first-line'], { withoutBots: true });
    await admin.createUser({ ...operator, name: 'Нина Петрова', roles: ['operator'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake.stop();
  });

  it('opens two dialogs as tabs, counts unread in the background one, switches and closes by keyboard', async () => {
    await signIn(page, `${server.baseUrl}/operator`, operator.login, operator.password, 'operator-window');
    await writes(anna, 'Здравствуйте, не приходит код подтверждения');
    await writes(boris, 'Добрый день! Где мой заказ 5521?');
    await row('Анна').waitFor();
    await row('Борис').waitFor();

    await row('Анна').click();
    await expect.poll(() => page.getByTestId('message').count()).toBe(1);
    await page.getByTestId('answer-text').fill('Анна, проверяю');
    await row('Борис').click();
    await expect.poll(async () => page.getByTestId('message').first().textContent()).toContain('5521');
    const annaTab = await tabOf('Анна');
    const borisTab = await tabOf('Борис');
    expect(await borisTab.getAttribute('data-active')).toBe('true');
    expect(await annaTab.getAttribute('data-active')).toBe('false');

    // Anna writes while Boris's dialog is on screen: her tab counts it.
    await writes(anna, 'Код так и не пришёл');
    await expect.poll(() => annaTab.getByTestId('dialog-tab-unread').textContent()).toBe('1');
    expect(await borisTab.getByTestId('dialog-tab-unread').count()).toBe(0);
    await page.getByTestId('dialog-side').waitFor();
    await page.screenshot({ path: screenshotPath('operator-window-1280') });

    // Alt+↓ goes round to Anna's tab: her messages at once, her draft where it was, the badge gone.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => annaTab.getAttribute('data-active')).toBe('true');
    await expect.poll(() => page.getByTestId('message').count()).toBe(2);
    expect(await page.getByTestId('answer-text').inputValue()).toBe('Анна, проверяю');
    expect(await annaTab.getByTestId('dialog-tab-unread').count()).toBe(0);

    // Switching back and forth redraws from the dialogs' cached stores: their history is not asked for again.
    const asked: string[] = [];
    const countAsks = (r: { url(): string }) => {
      if (/\/api\/v1\/conversations\/[^/]+\/(messages|read)/.test(r.url())) asked.push(r.url());
    };
    page.on('request', countAsks);
    const switchMs = await page.evaluate(async () => {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const start = performance.now();
        window.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', altKey: true }),
        );
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    });
    page.off('request', countAsks);
    expect(asked).toEqual([]);
    console.info(`tab switch, median of 10 (2 tabs, to the next painted frame): ${switchMs?.toFixed(1)} ms`);
    await expect.poll(() => annaTab.getAttribute('data-active')).toBe('true');

    // Alt+/ brings the answer templates up in the composer, with their search box focused.
    await page.keyboard.press('Alt+Slash');
    await page.getByTestId('template-picker').waitFor();
    await page.keyboard.press('Escape');

    // Alt+T opens the open dialog's menu with the transfer form.
    await page.keyboard.press('Alt+KeyT');
    await page.getByTestId('thread-transfer-to').waitFor();

    // «?» shows the shortcuts; Escape hides them.
    await page.getByTestId('history').click();
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-help').waitFor();
    expect(await page.getByTestId('shortcuts-help').textContent()).toContain('Передать диалог');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('shortcuts-help').count()).toBe(0);

    // Alt+C closes Anna's tab, also from inside the answer box; Boris's is shown.
    await page.getByTestId('answer-text').focus();
    await page.keyboard.press('Alt+KeyC');
    await expect.poll(() => annaTab.count()).toBe(0);
    await expect.poll(() => borisTab.getAttribute('data-active')).toBe('true');
  });

  it('finds its tabs again after a reload and fits a phone', async () => {
    await row('Анна').click();
    await page.reload();
    await page.getByTestId('operator-window').waitFor();
    await expect.poll(() => page.getByTestId('dialog-tabs').getByRole('tab').count()).toBe(2);
    expect(await (await tabOf('Анна')).getAttribute('data-active')).toBe('true');
    await expect.poll(() => page.getByTestId('message').count()).toBe(2);

    // Narrower than 1200 px the client is a drawer over the dialog, opened with its button.
    await page.setViewportSize({ width: 1024, height: 800 });
    expect(await page.getByTestId('dialog-side').isVisible()).toBe(false);
    await page.getByTestId('side-toggle').click();
    await expect.poll(() => page.getByTestId('dialog-side').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('operator-window-1024-side') });
    await page.getByTestId('side-toggle').click();

    // On a phone one pane at a time: the queues, then the dialog with the way back.
    await page.setViewportSize({ width: 375, height: 800 });
    const sideScroll = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await row('Борис').click();
    await page.getByTestId('conversation-thread').waitFor();
    expect(await sideScroll()).toBe(0);
    await page.screenshot({ path: screenshotPath('operator-window-375') });
    await page.getByRole('button', { name: 'К списку' }).click();
    await row('Анна').waitFor();
    expect(await sideScroll()).toBe(0);
    await page.screenshot({ path: screenshotPath('operator-window-375-queues') });
  });
});
