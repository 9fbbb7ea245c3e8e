import { randomUUID } from 'node:crypto';
import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { linesWorkRoundTheClock } from './support/round-the-clock.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * The supervisor's board on the demo template: an operator of «Общие вопросы» is full (capacity 1), so a second
 * visitor waits; the supervisor sees the waiting dialog on the line's card, drags it onto the operator (past
 * capacity, which the board says), and it moves; then joins it with an internal note. Once the line greets with the
 * template's bot, a dialog the bot talks with shows on the board and «Подключиться» makes it the supervisor's (the
 * bot pauses) and opens it. Screenshots at 1280 and 375.
 */
describe('the supervisor’s live board in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: OporaClient;
  let page: Page;
  const line = 'first-line';
  let operatorId = '';
  let svetaId = '';

  /** A visitor of the site's chat writes: a new dialog, routed by the template's lines. */
  const visitorWrites = async (text: string) => {
    const base = `${server.baseUrl}/api/v1/widget/site-chat`;
    const session = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.baseUrl },
      body: JSON.stringify({}),
    });
    expect(session.status).toBe(200);
    const { token } = (await session.json()) as { token: string };
    const sent = await fetch(`${base}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: server.baseUrl,
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ clientMessageId: randomUUID(), text }),
    });
    expect(sent.status).toBe(201);
  };
  /** A signed-in session's headers, as a browser would send them. */
  const signInApi = async (login: string, password: string) => {
    const reply = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    const { csrfToken } = (await reply.json()) as { csrfToken: string };
    const cookie = reply.headers.get('set-cookie')?.split(';')[0] ?? '';
    return { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  };
  /** Live updates cross the server, the database's NOTIFY and a refetch: on a busy machine that takes a moment. */
  const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
  const shoot = async (name: string) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      await page.screenshot({ path: screenshotPath(`${name}-${width}`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await adminApiClient(server);
    // Visitors queue for people at once (the line's bot is the bots test's subject).
    await linesWorkRoundTheClock(admin, [line], { withoutBots: true });
    const operator = await admin.createUser({
      login: 'ivan',
      password: 'operator-password-1',
      name: 'Иван Петров',
      roles: ['operator'],
    });
    operatorId = operator.id;
    await admin.request('PUT', `/operators/${operator.id}/profile`, {
      body: { groups: ['first-line'], capacity: 1 },
    });
    const ivan = await signInApi('ivan', 'operator-password-1');
    const online = await fetch(`${server.baseUrl}/api/v1/operators/me/status`, {
      method: 'PUT',
      headers: ivan,
      body: JSON.stringify({ status: 'online' }),
    });
    expect(online.status).toBe(200);
    const sveta = await admin.createUser({
      login: 'sveta',
      password: 'supervisor-password-1',
      name: 'Светлана Орлова',
      roles: ['supervisor'],
    });
    svetaId = sveta.id;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a waiting dialog; dragged onto an operator it moves to them', async () => {
    await visitorWrites('Здравствуйте, не могу войти в личный кабинет');
    await signIn(page, `${server.baseUrl}/supervisor`, 'sveta', 'supervisor-password-1', 'supervisor-board');
    const card = page.getByTestId(`line-card-${line}`);
    const operator = card.getByTestId(`board-operator-${operatorId}`);
    // The first dialog goes to Иван at once; he is then full, so the second one waits — the board shows it live.
    await poll(() => operator.textContent()).toContain('1/1');
    await visitorWrites('Здравствуйте, ещё вопрос: как поменять пароль?');
    await poll(() => card.getByTestId(`line-waiting-${line}`).textContent()).toBe('1');
    const waiting = card.locator('[data-testid^="board-dialog-"][data-handler="queue"]');
    await poll(() => waiting.count()).toBe(1);
    const dialogId = (await waiting.getAttribute('data-testid'))!.replace('board-dialog-', '');
    await page.getByTestId('sla-breaches').waitFor();
    await page.getByTestId('csat-today').waitFor();
    await shoot('supervisor-board');

    await waiting.dragTo(operator);
    const row = card.getByTestId(`board-dialog-${dialogId}`);
    await poll(() => row.getAttribute('data-handler')).toBe('operator');
    expect(await row.textContent()).toContain('Иван Петров');
    await poll(() => card.getByTestId(`line-waiting-${line}`).textContent()).toBe('0');
    await poll(() => operator.textContent()).toContain('2/1');
    expect(await page.getByTestId('board-notice').textContent()).toContain('Иван Петров');
    await shoot('supervisor-assigned');
  });

  it('assigns from «Назначить…» without dragging (keyboard, touch)', async () => {
    await visitorWrites('Добрый день, подскажите, как включить уведомления?');
    const card = page.getByTestId(`line-card-${line}`);
    const waiting = card.locator('[data-testid^="board-dialog-"][data-handler="queue"]');
    await poll(() => waiting.count()).toBe(1);
    const dialogId = (await waiting.getAttribute('data-testid'))!.replace('board-dialog-', '');
    await waiting.getByTestId('assign-dialog').focus();
    await page.keyboard.press('Enter');
    await waiting.getByTestId(`assign-to-${operatorId}`).click();
    await poll(() => card.getByTestId(`board-dialog-${dialogId}`).getAttribute('data-handler')).toBe(
      'operator',
    );
    await poll(() => card.getByTestId(`board-operator-${operatorId}`).textContent()).toContain('3/1');
  });

  it('joins a dialog with an internal note', async () => {
    const row = page.getByTestId(`line-card-${line}`).locator('[data-testid^="board-dialog-"]').first();
    await row.getByTestId('join-dialog').click();
    await row.getByTestId('join-form').locator('textarea').fill('Подключилась, помогу с паролем');
    await row.getByTestId('join-form').locator('button[type=submit]').click();
    await poll(() => page.getByTestId('board-notice').textContent()).toContain('Сообщение отправлено');
    const id = (await row.getAttribute('data-testid'))!.replace('board-dialog-', '');
    const history = await admin.conversations.messages(id);
    expect(history.messages.at(-1)).toMatchObject({ internal: true, text: 'Подключилась, помогу с паролем' });
  });

  it('joins a dialog the bot talks with: it becomes the supervisor’s and opens', async () => {
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
    // The demo's own dialogs may already talk with the bot: the new one is the row that was not there before.
    const botRows = page
      .getByTestId(`line-card-first-line`)
      .locator('[data-testid^="board-dialog-"][data-handler="bot"]');
    const rowIds = async () =>
      Promise.all((await botRows.all()).map(async (row) => (await row.getAttribute('data-testid'))!));
    const before = new Set(await rowIds());
    await visitorWrites('Добрый вечер');
    await poll(async () => (await rowIds()).filter((rowId) => !before.has(rowId)).length).toBe(1);
    const rowId = (await rowIds()).find((candidate) => !before.has(candidate))!;
    const withBot = page.getByTestId(rowId);
    const id = rowId.replace('board-dialog-', '');
    await shoot('supervisor-bot-dialog');
    await withBot.getByTestId('join-dialog').click();
    await page.waitForURL((url) => url.pathname.endsWith(id));
    const { conversation } = await admin.conversations.messages(id);
    expect(conversation).toMatchObject({ handler: 'operator', operatorId: svetaId });
  });
});
