import type { OporaClient, User } from '@opora/sdk';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * A bot answers first: the «Общие вопросы» line names the template's greeter bot; a visitor says hello in the
 * portal's chat, the bot asks for the question and searches the knowledge base, the visitor asks for a person and
 * the bot hands the dialog over; the operator gets it and reads in «Бот» what the bot collected. Engine, session,
 * timer and hand-over details are covered by the runtime and server tests.
 */
describe('a bot answers first and hands over, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: OporaClient;
  let olgaUser: User;
  const contexts: BrowserContext[] = [];
  let visitor: Page;
  let olga: Page;
  const olgaLogin = { login: 'olga', password: 'operator-password-1' };
  const widget = (selector: string): Locator => visitor.locator(`[data-opora-widget] ${selector}`);
  const botSays = (text: string) =>
    widget('.msg.out').filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
  const pageFor = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    server = await startServer();
    admin = await adminApiClient(server);
    const [line] = (await admin.listDefinitions({ kind: 'line', q: 'first-line' })).items.filter(
      (d) => d.key === 'first-line',
    );
    const full = await admin.getDefinition(line!.id);
    const saved = await admin.updateDefinition(line!.id, {
      name: full.name,
      body: { ...(full.body as Record<string, unknown>), bot: 'first-line-bot' },
      draftVersion: full.draftVersion,
    });
    await admin.publishDefinition(line!.id, saved.draftVersion);
    olgaUser = await admin.createUser({ ...olgaLogin, name: 'Ольга Смирнова', roles: ['operator'] });
    await admin.request('PUT', `/operators/${olgaUser.id}/profile`, { body: { groups: ['first-line'] } });
    browser = await launchBrowser();
    [visitor, olga] = [await pageFor(), await pageFor()];
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('greets the visitor, asks for the question and searches the knowledge base', async () => {
    await signIn(olga, `${server.baseUrl}/operator`, olgaLogin.login, olgaLogin.password, 'operator-window');
    await olga.getByTestId('operator-status').selectOption('online');
    await expect.poll(() => olga.getByTestId('operator-status').inputValue()).toBe('online');

    await visitor.goto(server.baseUrl);
    await widget('.launcher').click();
    const input = widget('textarea');
    await input.fill('Здравствуйте');
    await input.press('Enter');
    await botSays('Я бот поддержки');
    // The greeting's menu offers buttons; a greeting is no question, so the bot asks for one.
    expect(await widget('.choices button').filter({ hasText: 'Позвать оператора' }).count()).toBe(1);
    await botSays('Напишите ваш вопрос');
    const before = await widget('.msg.out').count();
    await input.fill('Не приходит письмо для смены пароля');
    await input.press('Enter');
    await expect.poll(() => widget('.msg.out').count(), { timeout: 15_000 }).toBeGreaterThan(before);
    await visitor.screenshot({ path: screenshotPath('bot-conversation-visitor-1280') });
    // The bot holds the dialog: nobody was given it.
    const { items } = await admin.request<{ items: { handler: string; operatorId: string | null }[] }>(
      'GET',
      '/conversations',
      { query: { status: 'open' } },
    );
    expect(items).toMatchObject([{ handler: 'bot', operatorId: null }]);
  });

  it('hands the dialog to the free operator, who reads what the bot collected', async () => {
    await widget('textarea').fill('Позовите оператора');
    await widget('textarea').press('Enter');
    await botSays('Соединяю с оператором');
    const row = olga.getByTestId('conversation-row').first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await olga.getByTestId('conversation-thread').waitFor();
    await olga.getByTestId('side-tab-bot').click();
    const panel = olga.getByTestId('bot-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('first-line-bot');
    expect(await olga.getByTestId('bot-state').textContent()).toContain('На паузе');
    expect(await olga.getByTestId('bot-variables').textContent()).toContain(
      'Не приходит письмо для смены пароля',
    );
    for (const width of [1280, 375]) {
      await olga.setViewportSize({ width, height: 800 });
      expect(await olga.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      await olga.screenshot({ path: screenshotPath(`bot-conversation-operator-${width}`) });
    }
  });
});
