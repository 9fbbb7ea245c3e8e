import type { OporaClient, User } from '@opora/sdk';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { linesWorkRoundTheClock } from './support/round-the-clock.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * The contact centre from end to end, each person in a browser of their own: a visitor writes in the portal's chat
 * about a reconciliation statement → the keyword routes it to «Бухгалтерия» → the free operator gets it, answers
 * with a template and an article the knowledge panel suggests → passes it to a colleague with a note → the
 * colleague escalates it to a request and closes it → the visitor rates 5 → the supervisor's board shows the rating.
 * Screenshots at 1280 and 375 px. Details of each step are covered by the integration tests.
 */
describe('a dialog through the contact centre, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: OporaClient;
  const contexts: BrowserContext[] = [];
  const people = {
    olga: { login: 'olga', password: 'operator-password-1', name: 'Ольга Смирнова' },
    ivan: { login: 'ivan', password: 'operator-password-2', name: 'Иван Кузнецов' },
    svetlana: { login: 'svetlana', password: 'supervisor-password', name: 'Светлана Орлова' },
  };
  const users: Record<string, User> = {};
  let visitor: Page;
  let olga: Page;
  let ivan: Page;
  let svetlana: Page;
  let dialogId = '';

  const pageFor = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
    contexts.push(context);
    return context.newPage();
  };
  const shoot = async (page: Page, name: string) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      await page.screenshot({ path: screenshotPath(`${name}-${width}`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  };
  const widget = (selector: string): Locator => visitor.locator(`[data-opora-widget] ${selector}`);
  /** An operator signs in to the single window and goes online. */
  const startShift = async (page: Page, person: { login: string; password: string }) => {
    await signIn(page, `${server.baseUrl}/operator`, person.login, person.password, 'operator-window');
    await page.getByTestId('operator-status').selectOption('online');
    await expect.poll(() => page.getByTestId('operator-status').inputValue()).toBe('online');
  };

  beforeAll(async () => {
    server = await startServer();
    admin = await adminApiClient(server);
    await linesWorkRoundTheClock(admin, ['accounting']);
    for (const [key, person] of Object.entries(people))
      users[key] = await admin.createUser({
        login: person.login,
        password: person.password,
        name: person.name,
        roles: key === 'svetlana' ? ['supervisor'] : ['operator'],
      });
    for (const key of ['olga', 'ivan'])
      await admin.request('PUT', `/operators/${users[key]!.id}/profile`, {
        body: { groups: ['accounting'] },
      });
    browser = await launchBrowser();
    [visitor, olga, ivan, svetlana] = [await pageFor(), await pageFor(), await pageFor(), await pageFor()];
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('routes the visitor’s question to «Бухгалтерия» and hands it to the free operator', async () => {
    await startShift(olga, people.olga);

    await visitor.goto(server.baseUrl);
    await widget('.launcher').click();
    const input = widget('textarea');
    await input.fill('Здравствуйте! Пришлите, пожалуйста, акт сверки за ноябрь');
    await input.press('Enter');
    await widget('.msg.in:not(.pending)').first().waitFor();

    // Olga is the only one online in the line: the dialog is hers, in «На мне», without her asking.
    const row = olga.getByTestId('conversation-row').first();
    await row.waitFor({ timeout: 15_000 });
    dialogId = ((await row.locator('xpath=..').getAttribute('data-testid')) ?? '').replace('queue-item-', '');
    expect(dialogId).not.toBe('');
    const { items } = await admin.request<{ items: { id: string; lineKey: string; operatorId: string }[] }>(
      'GET',
      '/conversations',
      { query: { status: 'open' } },
    );
    expect(items.find((item) => item.id === dialogId)).toMatchObject({
      lineKey: 'accounting',
      operatorId: users.olga!.id,
    });
  });

  it('answers with a template and an article the knowledge panel suggests, then passes the dialog on', async () => {
    await olga.getByTestId('conversation-row').first().click();
    await olga.getByTestId('conversation-thread').waitFor();
    const box = olga.getByTestId('answer-text');
    await box.pressSequentially('/привет');
    await expect.poll(() => olga.getByTestId('template-option').count()).toBeGreaterThan(0);
    await box.press('Enter');
    await olga.getByTestId('template-picker').waitFor({ state: 'detached' });
    expect(await box.inputValue()).not.toBe('');
    await box.press('Enter');

    await olga.getByTestId('side-tab-knowledge').click();
    const suggestion = olga.getByTestId('kb-suggestion').first();
    await suggestion.waitFor();
    await suggestion.getByTestId('kb-insert-link').click();
    await expect.poll(() => box.inputValue()).toContain('/kb/');
    await shoot(olga, 'contact-centre-operator');
    await box.press('Enter');
    await expect.poll(() => widget('.msg.out').count()).toBeGreaterThanOrEqual(2);

    // Ivan comes online; Olga passes the dialog to him with a note.
    await startShift(ivan, people.ivan);
    await olga.keyboard.press('Alt+KeyT');
    await olga.getByTestId('thread-transfer-to').focus();
    await expect
      .poll(() =>
        olga.getByTestId('thread-transfer-to').locator(`option[value="o:${users.ivan!.id}"]`).count(),
      )
      .toBe(1);
    await olga.getByTestId('thread-transfer-to').selectOption(`o:${users.ivan!.id}`);
    await olga.getByTestId('thread-transfer-note').fill('Клиенту нужен акт сверки, подготовь, пожалуйста');
    await olga.getByTestId('thread-transfer-submit').click();
    await ivan.getByTestId(`queue-item-${dialogId}`).waitFor({ timeout: 15_000 });
  });

  it('lets the colleague escalate it to a request and close it; the visitor rates 5', async () => {
    await ivan.getByTestId(`queue-item-${dialogId}`).getByTestId('conversation-row').click();
    await ivan.getByTestId('conversation-thread').waitFor();
    await ivan.getByTestId('thread-escalate').click();
    await ivan.getByTestId('escalate-dialog').waitFor();
    await ivan.getByTestId('escalate-create').click();
    await ivan.getByTestId('thread-request').waitFor();
    // The visitor is told the request's number in the chat.
    await expect.poll(() => widget('.msg.out').last().textContent()).toMatch(/№\s?\d+/);

    await ivan.getByTestId('thread-status').click();
    const ratingButtons = widget('.choices.rating button');
    await expect.poll(() => ratingButtons.count(), { timeout: 15_000 }).toBe(5);
    await shoot(visitor, 'contact-centre-rating');
    await ratingButtons.filter({ hasText: '5' }).click();
    // The operator sees the rating arrive in the closed dialog.
    await expect
      .poll(() => ivan.getByTestId('thread-rating').textContent(), { timeout: 15_000 })
      .toContain('5');
  });

  it('shows the supervisor today’s rating on the live board', async () => {
    await signIn(
      svetlana,
      `${server.baseUrl}/supervisor`,
      people.svetlana.login,
      people.svetlana.password,
      'supervisor-board',
    );
    await svetlana.getByTestId('line-card-accounting').waitFor();
    // «Бухгалтерия» and Ivan, who closed the dialog: one rating of 5 each.
    for (const key of ['accounting', users.ivan!.id])
      await expect
        .poll(() => svetlana.getByTestId(`csat-${key}`).locator('td').allTextContents())
        .toEqual([expect.stringMatching(/^5([.,]0+)?$/), '1']);
    await shoot(svetlana, 'contact-centre-supervisor');
  });
});
