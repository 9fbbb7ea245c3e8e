import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { linesWorkRoundTheClock } from './support/round-the-clock.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * Beside a dialog (the support-desk template): a site visitor who cannot sign in writes in the chat; the operator
 * sees «Клиент не определён», links the dialog to a client card found by name and reads the card; «Знания»
 * suggests articles from the visitor's words and follows their newest message. (Inserting an article into the
 * answer is on the contact-centre path.)
 */
describe('the column beside a dialog in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: OporaClient;
  let page: Page;
  let conversationId: string;
  let visitorWrites: (id: string, text: string) => Promise<void>;
  const operator = { login: 'side-operator', password: 'operator-password-1' };

  /** Beside the dialog at 1280 px; on a phone the column is a drawer the operator opens over the dialog. */
  const shoot = async (name: string) => {
    await page.screenshot({ path: screenshotPath(`${name}-1280`) });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByTestId('side-toggle').click();
    const side = await page.getByTestId('dialog-side').boundingBox();
    expect(side!.x + side!.width).toBeLessThanOrEqual(375.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await page.screenshot({ path: screenshotPath(`${name}-375`) });
    await page.getByTestId('side-toggle').click();
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await adminApiClient(server);
    await admin.createUser({ ...operator, name: 'Ольга Смирнова', roles: ['operator'] });
    // The dialog waits for people at once, as a bot would have handed it over.
    await linesWorkRoundTheClock(admin, ['first-line'], { withoutBots: true });
    const headers = { 'content-type': 'application/json', origin: server.baseUrl };
    const session = await fetch(`${server.baseUrl}/api/v1/widget/site-chat/session`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    expect(session.status, await session.clone().text()).toBe(200);
    const { token } = (await session.json()) as { token: string };
    visitorWrites = async (id, text) => {
      const sent = await fetch(`${server.baseUrl}/api/v1/widget/site-chat/messages`, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientMessageId: id, text }),
      });
      expect(sent.status, await sent.clone().text()).toBe(201);
    };
    await visitorWrites('side-message-1', 'Здравствуйте, не могу войти в кабинет');
    const listed = await admin.conversations.list();
    conversationId = listed.items.find((item) => item.channel === 'widget')!.id;
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('links a dialog without a client to a client card and shows the card read-only', async () => {
    await signIn(
      page,
      `${server.baseUrl}/operator/conversations/${conversationId}`,
      operator.login,
      operator.password,
      'dialog-side',
    );
    const card = page.getByTestId('client-card');
    await expect.poll(() => card.textContent()).toContain('Клиент не определён');
    await page.getByTestId('dialog-side').screenshot({ path: screenshotPath('dialog-side-unknown-client') });
    await page.getByTestId('link-client').click();
    await card.getByRole('combobox').fill('Орлова');
    await card.getByRole('option', { name: /Орлова Анна/ }).click();
    await page.getByTestId('link-client-confirm').click();
    await card.getByTestId('form-renderer').waitFor();
    await expect
      .poll(() => card.getByTestId('form-renderer').textContent())
      .toContain('anna.orlova@mail.example');
    expect(await page.getByTestId('open-client-card').getAttribute('href')).toMatch(/^\/work\/client\//);
    await shoot('dialog-side-client');
    // The demo dialogs of the same client join this one in her timeline: one history per client.
    const timeline = card.getByTestId('timeline-conversation');
    await expect.poll(() => timeline.count()).toBeGreaterThan(0);
    await timeline.first().scrollIntoViewIfNeeded();
    await page
      .getByTestId('dialog-side')
      .screenshot({ path: screenshotPath('dialog-side-client-conversations') });
  });

  it('suggests articles from the visitor’s words, follows their newest message and searches staff articles', async () => {
    const tab = page.getByTestId('side-tab-client');
    await tab.focus();
    await tab.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('side-tab-knowledge').getAttribute('aria-selected'))
      .toBe('true');
    await expect
      .poll(() => page.getByTestId('kb-suggestions').textContent())
      .toContain('Проблемы с авторизацией');
    await visitorWrites('side-message-2', 'И ещё задерживается доставка заказа');
    await expect
      .poll(() => page.getByTestId('kb-suggestions').textContent(), { timeout: 15_000 })
      .toContain('Задерживается доставка');
    await shoot('dialog-side-knowledge');

    await page.getByTestId('kb-search').fill('статус платежа');
    await expect
      .poll(() => page.getByTestId('kb-suggestions').textContent())
      .toContain('Как оператору проверить статус платежа');
    await page.getByTestId('kb-search').fill('фываолдж');
    await expect.poll(() => page.getByTestId('kb-suggestions').textContent()).toContain('Ничего не найдено');
  });
});
