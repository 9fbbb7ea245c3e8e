import type { OporaClient, User } from '@opora/sdk';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, pointerDrag, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

// One server for both parts (a server start is the dearest step of a browser test): the designer's bot first, then
// the template's greeter on the general line.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/**
 * An analyst builds a bot on the canvas: a greeting, buttons added from the palette and connected by dragging an
 * exit onto a block and with the exit selects, a message behind one button; the live check names the block with
 * an exit left open; the test chat runs the draft (buttons pressed, the bot's messages, the current block lit);
 * then version 1 is published.
 */
describe('bot designer in Chromium', () => {
  let api: OporaClient;
  let browser: Browser;
  let page: Page;

  const block = (id: string) => page.getByTestId(`bd-block-${id}`);
  const panelBlock = () => page.getByTestId('bd-block-panel').getAttribute('data-block');
  async function select(id: string) {
    await page.getByTestId('bd-fit').click();
    await page.waitForTimeout(300);
    await block(id).locator('.bd-card-head').click();
    await expect.poll(panelBlock).toBe(id);
  }

  beforeAll(async () => {
    api = await adminApiClient(server);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-bot');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a bot and adds buttons and a message on the canvas', async () => {
    await page.getByTestId('nav-bot').click();
    await page.getByTestId('create-definition').click();
    await page.getByTestId('definition-key').fill('support-bot');
    await page.getByTestId('definition-name').fill('Бот поддержки');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('bot-designer').waitFor();
    await block('greeting').waitFor();
    await expect.poll(() => page.getByTestId('bd-problem-count').textContent()).toBe('Ошибок нет');

    await select('greeting');
    await page.getByTestId('bd-message-text-ru').fill('Здравствуйте! Это бот поддержки.');
    // The greeting's only exit is taken, so the new buttons stand alone until connected.
    await page.getByTestId('bd-add-buttons').click();
    await expect.poll(panelBlock).toBe('buttons');
    await page.getByTestId('bd-buttons-text-ru').fill('Что вас интересует?');
    await page.getByTestId('bd-options-0-ru').fill('Оплата');
    await page.getByTestId('bd-options-1-ru').fill('Доставка');
    // Added with the buttons selected: the message is connected from the first free exit, the first option.
    await page.getByTestId('bd-add-message').click();
    await expect.poll(panelBlock).toBe('message');
    await page.getByTestId('bd-message-text-ru').fill('Оплатить можно картой на сайте.');
    await page.getByTestId('bd-exit-select-next').selectOption('end');
    await page.getByTestId('bd-fit').click();
    await page.waitForTimeout(400);

    // Drag from the greeting's «Далее» handle onto the buttons: the greeting now leads there.
    await pointerDrag(
      page,
      page.getByTestId('bd-exit-greeting-next').locator('.react-flow__handle'),
      block('buttons').locator('.bd-in'),
    );
    await select('greeting');
    await expect.poll(() => page.getByTestId('bd-exit-select-next').inputValue()).toBe('buttons');
    expect(await page.getByTestId('rf__edge-buttons>option:o1').count()).toBe(1);

    // A block dragged stays where it was put (every block's place is saved then); undo puts it back.
    await page.getByTestId('bd-fit').click();
    await page.waitForTimeout(300);
    const head = block('greeting').locator('.bd-card-head');
    const before = await head.boundingBox();
    if (!before) throw new Error('the greeting is not visible');
    await page.mouse.move(before.x + 20, before.y + 5);
    await page.mouse.down();
    await page.mouse.move(before.x + 20, before.y + 60, { steps: 8 });
    await page.mouse.move(before.x + 20, before.y + 125, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => ((await head.boundingBox())?.y ?? 0) - before.y).toBeGreaterThan(80);
    await page.getByTestId('bd-undo').click();
    await expect.poll(async () => Math.abs(((await head.boundingBox())?.y ?? 0) - before.y)).toBeLessThan(5);
  });

  it('names the block with open exits, and a click on the problem selects it', async () => {
    // The second option and «Не понял» lead nowhere yet; the end is still reached through the message.
    await expect.poll(() => page.getByTestId('bd-block-problem-buttons').count()).toBe(1);
    const problems = page.getByTestId('bd-problems');
    await expect.poll(() => problems.textContent()).toContain('(buttons)');
    await page.getByTestId('bd-fit').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('bot-designer-problems') });
    await page.getByTestId('bd-problem').first().click();
    await expect.poll(panelBlock).toBe('buttons');
    await page.getByTestId('bd-exit-select-option:o2').selectOption('end');
    await page.getByTestId('bd-exit-select-fallback').selectOption('end');
    await expect.poll(() => page.getByTestId('bd-problem-count').textContent()).toBe('Ошибок нет');

    // Undo takes the last connection back (and its problem); redo restores it.
    await page.getByTestId('bd-undo').click();
    await expect.poll(() => page.getByTestId('bd-block-problem-buttons').count()).toBe(1);
    await page.getByTestId('bd-redo').click();
    await expect.poll(() => page.getByTestId('bd-problem-count').textContent()).toBe('Ошибок нет');

    // A connection picked on the canvas is deleted from the toolbar; undo brings it back.
    await page.getByTestId('rf__edge-buttons>option:o2').dispatchEvent('click');
    await page.getByTestId('bd-remove-link').click();
    await expect.poll(() => page.getByTestId('rf__edge-buttons>option:o2').count()).toBe(0);
    await expect.poll(() => page.getByTestId('bd-block-problem-buttons').count()).toBe(1);
    await page.getByTestId('bd-undo').click();
    await expect.poll(() => page.getByTestId('bd-problem-count').textContent()).toBe('Ошибок нет');
  });

  it('tests the draft in the test chat: messages, buttons, the current block, restart', async () => {
    await page.getByTestId('bd-open-chat').click();
    const log = page.getByTestId('bd-chat-log');
    await expect.poll(() => log.textContent()).toContain('Здравствуйте! Это бот поддержки.');
    await expect.poll(() => log.textContent()).toContain('Что вас интересует?');
    await expect.poll(() => block('buttons').getAttribute('class')).toContain('current');
    await page.getByTestId('bd-chat-button-o1').click();
    await expect.poll(() => log.textContent()).toContain('Оплатить можно картой на сайте.');
    await expect.poll(() => log.textContent()).toContain('Бот закончил разговор');
    await page.screenshot({ path: screenshotPath('bot-designer-test-chat') });

    // Typing a button's label chooses it as a press does.
    await page.getByTestId('bd-chat-restart').click();
    await expect.poll(() => page.getByTestId('bd-chat-client').count()).toBe(0);
    await page.getByTestId('bd-chat-input').fill('Доставка');
    await page.getByTestId('bd-chat-send').click();
    await expect.poll(() => page.getByTestId('bd-chat-client').count()).toBe(1);
    await expect.poll(() => log.textContent()).toContain('Бот закончил разговор');
  });

  it('publishes version 1, and fits a phone screen', async () => {
    await page.getByTestId('publish-definition').click();
    const outcome = page.locator('[data-testid="publish-result"], .banner.error').first();
    await outcome.waitFor({ timeout: 30_000 });
    await expect.poll(() => outcome.textContent(), { timeout: 20_000 }).toContain('Опубликована версия 1');
    await page.screenshot({ path: screenshotPath('bot-designer-published') });

    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByTestId('bd-fit').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('bot-designer-phone'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });

  it('offers statistics once published (none yet) and the versions with how the draft differs', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('bd-stats-toggle').click();
    await expect
      .poll(() => page.getByTestId('bd-stats-empty').textContent())
      .toContain('Статистики пока нет');
    await page.getByTestId('versions-tab').click();
    await page.getByTestId('open-version-1').click();
    await expect
      .poll(() => page.getByTestId('bd-version-diff').textContent())
      .toContain('Черновик совпадает с этой версией');
    expect(await page.getByTestId('rollback-version').isVisible()).toBe(true);
  });

  it('opens a 200-block bot without saved places laid out and readable from its start', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const created = await api.createDefinition({
      kind: 'bot',
      key: 'big-bot',
      name: 'Большой бот',
      body: bigBot(134),
    });
    await page.goto(`${server.baseUrl}/designer/d/bot/${encodeURIComponent(created.id)}`);
    await page.getByTestId('bot-designer').waitFor();
    await block('q0').waitFor();
    await page.waitForTimeout(500);
    const zoom = await page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
    expect(zoom).toBeGreaterThanOrEqual(0.7);
    const pane = await page.getByTestId('bd-flow').boundingBox();
    const start = await block('q0').boundingBox();
    expect(pane && start && start.x > pane.x && start.y > pane.y && start.y < pane.y + pane.height).toBe(
      true,
    );
    await page.screenshot({ path: screenshotPath('bot-designer-200-blocks') });
  });
});

/** `n` questions in a row, every other one falling back to a message of its own: 1.5 n + 1 blocks. */
function bigBot(n: number) {
  const blocks: object[] = [];
  for (let i = 0; i < n; i++) {
    blocks.push({
      id: `q${i}`,
      type: 'ask',
      typeVersion: 1,
      text: { ru: `Вопрос ${i + 1}` },
      input: 'text',
      variable: `a${i}`,
      retries: 0,
      exits: { next: i + 1 < n ? `q${i + 1}` : 'op', fallback: i % 2 ? 'op' : `m${i}` },
    });
    if (i % 2 === 0)
      blocks.push({
        id: `m${i}`,
        type: 'message',
        typeVersion: 1,
        text: { ru: 'Уточню у оператора' },
        exits: { next: 'op' },
      });
  }
  blocks.push({ id: 'op', type: 'hand-over', typeVersion: 1, line: 'support', summary: [], exits: {} });
  return {
    schemaVersion: 2,
    title: { ru: 'Большой' },
    triggers: [{ id: 's', type: 'newDialog', next: 'q0' }],
    blocks,
  };
}

/**
 * A bot answers first: the «Общие вопросы» line names the template's greeter bot; a visitor says hello in the
 * portal's chat, the bot offers its topics again and searches the knowledge base for the question, the visitor asks for a person and
 * the bot hands the dialog over; the operator gets it and reads in «Бот» what the bot collected. Engine, session,
 * timer and hand-over details are covered by the runtime and server tests.
 */
describe('a bot answers first and hands over, in Chromium', () => {
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
    admin = await adminApiClient(server);
    const [line] = (await admin.listDefinitions({ kind: 'line', q: 'first-line' })).items.filter(
      (d) => d.key === 'first-line',
    );
    // The template's «Общие вопросы» answers with its bot as imported: nothing to set up.
    expect((await admin.getDefinition(line!.id)).body).toMatchObject({ bot: 'first-line-bot' });
    olgaUser = await admin.createUser({ ...olgaLogin, name: 'Ольга Смирнова', roles: ['operator'] });
    await admin.request('PUT', `/operators/${olgaUser.id}/profile`, { body: { groups: ['first-line'] } });
    browser = await launchBrowser();
    [visitor, olga] = [await pageFor(), await pageFor()];
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('greets the visitor, offers its topics again and searches the knowledge base for the question', async () => {
    await signIn(olga, `${server.baseUrl}/operator`, olgaLogin.login, olgaLogin.password, 'operator-window');
    await olga.getByTestId('operator-status').selectOption('online');
    await expect.poll(() => olga.getByTestId('operator-status').inputValue()).toBe('online');

    await visitor.goto(server.baseUrl);
    await widget('.launcher').click();
    const input = widget('textarea');
    await input.fill('Здравствуйте');
    await input.press('Enter');
    await botSays('Я бот поддержки');
    // The greeting's menu offers buttons; a greeting is no question, so the bot offers its topics again.
    await botSays('Выберите тему кнопкой или напишите вопрос');
    expect(await widget('.choices button').filter({ hasText: 'Позвать оператора' }).count()).toBe(2);
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
