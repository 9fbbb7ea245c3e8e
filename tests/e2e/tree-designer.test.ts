import type { OporaClient } from '@opora/sdk';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * An analyst builds a question tree on the canvas: three levels, a node dragged to another question, an article
 * leaf and contact leaves, a depth warning at the 4th level; publishing with a node that leads nowhere is refused
 * naming it; after the fix version 1 is published.
 */
describe('question tree designer in Chromium', () => {
  let server: RunningServer;
  let api: OporaClient;
  let browser: Browser;
  let page: Page;
  /** A published article to pick, or null when the knowledge base API is not there yet. */
  let article: { key: string; title: string } | null = null;

  const card = (id: string) => page.getByTestId(`tree-node-${id}`);
  const selectedId = async () =>
    (await page.getByTestId('td-properties').locator('h3 code').textContent())?.trim() ?? '';
  const edge = (from: string, to: string) => page.getByTestId(`rf__edge-${from}>${to}`);
  /** Adds a node with the toolbar button (a choice of the selected one, or a sibling) and names it. */
  async function add(button: 'td-add-child' | 'td-add-sibling', title: string): Promise<string> {
    const before = await selectedId().catch(() => '');
    await page.getByTestId(button).click();
    await expect.poll(selectedId).not.toBe(before);
    // A new node's id follows its title until the tree is published.
    await page.getByTestId('td-title-ru').fill(title);
    await expect.poll(selectedId).not.toMatch(/^novyy-variant/);
    return selectedId();
  }
  async function select(id: string) {
    await page.getByTestId('td-fit').click();
    await card(id).locator('.td-card-title').click();
    await expect.poll(selectedId).toBe(id);
  }
  /** A real pointer drag, as React Flow's d3-drag expects: press, move in steps, release. */
  async function drag(from: Locator, to: Locator) {
    const source = await from.boundingBox();
    const target = await to.boundingBox();
    if (!source || !target) throw new Error('drag source or target is not visible');
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(source.x + source.width / 2 + 12, source.y + source.height / 2 + 12, { steps: 4 });
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 });
  }

  beforeAll(async () => {
    server = await startServer();
    api = await adminApiClient(server);
    article = await publishedArticle(api);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-tree');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Ids the designer gave the nodes, read from the properties panel as they are made. */
  const ids = { login: '', pay: '', password: '', blocked: '', refund: '', attempts: '', letter: '' };

  it('creates a tree and builds three levels with buttons, with undo and redo', async () => {
    await page.getByTestId('nav-tree').click();
    await page.getByTestId('create-definition').click();
    await page.getByTestId('definition-key').fill('login-help');
    await page.getByTestId('definition-name').fill('Помощь со входом');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('tree-designer').waitFor();
    await card('start').waitFor();

    await select('start');
    ids.login = await add('td-add-child', 'Не могу войти в личный кабинет');
    ids.pay = await add('td-add-sibling', 'Оплата и счета');
    await select(ids.login);
    ids.password = await add('td-add-child', 'Забыл пароль');
    ids.blocked = await add('td-add-sibling', 'Учётная запись заблокирована');
    await select(ids.pay);
    ids.refund = await add('td-add-child', 'Вернуть деньги за заказ');
    await expect.poll(() => page.locator('.td-card').count()).toBe(7);
    expect(ids.login).toBe('ne-mogu-voyti-v-lichnyy-kabinet');
    expect(ids.refund).toBe('vernut-dengi-za-zakaz');

    // Undo takes back the naming and then the node; redo brings both back.
    await page.getByTestId('td-undo').click();
    await page.getByTestId('td-undo').click();
    await expect.poll(() => card(ids.refund).count()).toBe(0);
    await page.getByTestId('td-redo').click();
    await page.getByTestId('td-redo').click();
    await expect.poll(() => card(ids.refund).textContent()).toContain('Вернуть деньги за заказ');
    await page.getByTestId('td-fit').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('tree-designer-levels') });
  });

  it('drags a node onto another question and reorders with the keyboard', async () => {
    await page.getByTestId('td-fit').click();
    await drag(card(ids.blocked), card(ids.pay));
    await expect.poll(() => page.locator('.td-card.td-drop-into').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('tree-designer-drop-indicator') });
    await page.mouse.up();
    await expect.poll(() => edge(ids.pay, ids.blocked).count()).toBe(1);
    expect(await edge(ids.login, ids.blocked).count()).toBe(0);

    // «Переместить в…» does the same from the panel; undo takes it back.
    await select(ids.password);
    await page.getByTestId('td-move-to').selectOption(ids.pay);
    await expect.poll(() => edge(ids.pay, ids.password).count()).toBe(1);
    await page.getByTestId('td-undo').click();
    await expect.poll(() => edge(ids.login, ids.password).count()).toBe(1);

    // Alt+← puts the moved node before its new sibling.
    await select(ids.blocked);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect
      .poll(
        async () =>
          ((await card(ids.blocked).boundingBox())?.x ?? 0) <
          ((await card(ids.refund).boundingBox())?.x ?? 0),
      )
      .toBe(true);
  });

  it('sets an article leaf and contact leaves', async () => {
    await select(ids.password);
    await page.getByTestId('td-kind-article').click();
    if (article) {
      await page.getByTestId('td-article-search').fill(article.title.slice(0, 12));
      await page.getByTestId(`td-article-${article.key}`).click();
      await expect.poll(() => card(ids.password).textContent()).toContain(article.title);
    } else {
      // No knowledge base API yet: the leaf stays an answer, the picker is not exercised.
      await page.getByTestId('td-kind-answer').click();
      await page.getByTestId('td-answer-ru').fill('Нажмите «Забыли пароль?» на странице входа.');
    }

    await select('contact');
    await page.getByTestId('td-kind-chat').click();
    await page.getByTestId('td-contact-url').fill('/chat');
    await expect.poll(() => card('contact').getAttribute('data-kind')).toBe('chat');

    await select(ids.refund);
    await page.getByTestId('td-kind-forum').click();
    await page.getByTestId('td-contact-url').fill('https://forum.example.com/refunds');
    await expect.poll(() => card(ids.refund).textContent()).toContain('Форум');
  });

  it('warns about a 4th level and refuses to publish a node that leads nowhere, naming it', async () => {
    await select(ids.blocked);
    ids.attempts = await add('td-add-child', 'Заблокировали после неверного пароля');
    ids.letter = await add('td-add-child', 'Пришло письмо о блокировке');
    await expect
      .poll(() => page.getByTestId(`tree-node-deep-${ids.letter}`).textContent())
      .toBe('Глубже 3 уровней: до ответа дойдут немногие');

    await page.getByTestId('publish-definition').click();
    const problems = page.getByTestId('td-problems');
    await expect.poll(() => problems.textContent(), { timeout: 20_000 }).toContain('Публикация отклонена');
    const refused = problems.locator('.td-problem.server');
    await expect.poll(() => refused.count()).toBeGreaterThan(0);
    expect(await refused.first().textContent()).toContain(`(${ids.letter})`);
    expect(await page.getByTestId(`tree-node-problem-${ids.letter}`).count()).toBe(1);
    await page.getByTestId('td-fit').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('tree-designer-refused') });

    // A click on the problem selects the node it names.
    await page.getByTestId('td-problem').first().click();
    await expect.poll(selectedId).toBe(ids.letter);
  });

  it('publishes version 1 once the node ends in an answer', async () => {
    await page.getByTestId('td-kind-answer').click();
    await page.getByTestId('td-answer-ru').fill('Откройте ссылку из письма и задайте новый пароль.');
    await expect.poll(() => page.getByTestId('td-problem-count').textContent()).toBe('Ошибок нет');
    await page.getByTestId('publish-definition').click();
    // The outcome either way, so a refusal fails with the server's words rather than a timeout.
    const outcome = page.locator('[data-testid="publish-result"], .banner.error').first();
    await outcome.waitFor({ timeout: 30_000 });
    await expect.poll(() => outcome.textContent(), { timeout: 20_000 }).toContain('Опубликована версия 1');
    // Once published, a node keeps its id (it is in the portal's links) whatever its title becomes.
    await select(ids.refund);
    await page.getByTestId('td-title-ru').fill('Возврат денег');
    await page.waitForTimeout(200);
    expect(await selectedId()).toBe(ids.refund);
    await page.getByTestId('td-undo').click();
    // Published but never walked: the toolbar says there are no statistics yet.
    await expect.poll(() => page.getByTestId('td-stats-bar').textContent()).toContain('Статистики пока нет');
    await page.getByTestId('td-fit').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('tree-designer-published') });
  });

  it('shows per-node statistics once the published tree is walked, and hides them on request', async () => {
    const walk = async (...path: string[]) => {
      const started = await api.portal.startWalk('login-help');
      for (const node of path) await api.portal.walkEvent(started.id, { type: 'choose', node });
    };
    await walk(ids.login, ids.password);
    await walk(ids.pay, ids.refund);
    await walk('contact');
    await page.reload();
    await page.getByTestId('tree-designer').waitFor();
    await expect.poll(() => page.getByTestId('td-stats-bar').textContent()).toContain('Прохождений: 3');
    const stats = page.getByTestId(`tree-node-stats-${ids.password}`);
    await expect.poll(() => stats.textContent()).toContain('100 %');
    // A question shows visits and walks abandoned there; no share of answers.
    const login = await page.getByTestId(`tree-node-stats-${ids.login}`).textContent();
    expect(login?.replace(/\s+/g, ' ').trim()).toBe('1 · 0');
    await page.getByTestId('td-fit').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('tree-designer-stats') });
    await page.getByTestId('td-stats-bar').getByRole('checkbox').uncheck();
    await expect.poll(() => stats.count()).toBe(0);
  });

  it('deletes a subtree after saying how many nodes go, and undoes it', async () => {
    await select(ids.blocked);
    await page.getByTestId('td-remove').click();
    expect(await page.getByTestId('confirm-dialog').textContent()).toContain('всего узлов: 3');
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => card(ids.letter).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => card(ids.letter).count()).toBe(1);
  });

  it('stays usable at phone width with a collapsible panel', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const toggle = page.getByTestId('td-panel-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
    await expect.poll(() => page.getByTestId('td-problems').isVisible()).toBe(false);
    await page.getByTestId('td-fit').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('tree-designer-mobile') });
    await toggle.click();
    await page.getByTestId('td-properties').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('tree-designer-mobile-panel'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  /** The canvas's pan and zoom, read from React Flow's viewport transform. */
  async function viewport(): Promise<{ x: number; y: number; zoom: number }> {
    const transform = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    const found = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(transform);
    if (!found) throw new Error(`no viewport transform in "${transform}"`);
    return { x: Number(found[1]), y: Number(found[2]), zoom: Number(found[3]) };
  }
  async function openTree(key: string) {
    const found = (await api.listDefinitions({ kind: 'tree' })).items.find((d) => d.key === key);
    if (!found) throw new Error(`tree ${key} not found`);
    await page.goto(`${server.baseUrl}/designer/d/tree/${found.id}`);
    await page.getByTestId('tree-designer').waitFor();
    await card('start').waitFor();
    await page.waitForTimeout(400);
  }

  it('opens the support desk tree fitted and readable, with its labels in Russian', async () => {
    await openTree('support');
    const opened = await viewport();
    expect(opened.zoom).toBeGreaterThanOrEqual(0.5);
    const start = await card('start').boundingBox();
    const canvas = await page.getByTestId('td-flow').boundingBox();
    expect(start?.width).toBeGreaterThanOrEqual(120);
    // The start is in view, at the top of the canvas.
    expect(start && canvas && start.y >= canvas.y && start.x >= canvas.x).toBe(true);
    expect(start && canvas && start.x + start.width <= canvas.x + canvas.width).toBe(true);
    // A wide tree opens with the branches below the start's choices folded; a fold shows what it hides.
    expect(await page.getByTestId('tree-node-fold-delivery').textContent()).toBe('+4');
    await page.screenshot({ path: screenshotPath('tree-designer-support-opened') });

    // React Flow's own texts speak Russian.
    const controls = page.getByTestId('rf__controls');
    expect(await controls.getAttribute('aria-label')).toBe('Масштаб');
    expect(await controls.locator('.react-flow__controls-zoomin').getAttribute('title')).toBe('Крупнее');
    expect(await controls.locator('.react-flow__controls-zoomout').getAttribute('aria-label')).toBe('Мельче');
    expect(await controls.locator('.react-flow__controls-fitview').getAttribute('title')).toBe(
      'Показать всё',
    );
    expect(await edge('start', 'account').getAttribute('aria-label')).toMatch(/^Переход от «/);
    expect(await page.locator('.react-flow').getAttribute('aria-label')).toMatch(/^Схема дерева/);
    expect(await page.locator('[id^="react-flow__node-desc"]').textContent()).toMatch(/^Нажмите/);
    expect(
      await page.locator('[aria-label*="Zoom"], [title*="Zoom"], [aria-label^="Edge from"]').count(),
    ).toBe(0);

    // Unfolding a branch shows its nodes; panned far away, «Показать всё» brings the tree back.
    await page.getByTestId('tree-node-fold-delivery').click();
    await card('delivery-where').waitFor();
    const pane = await page.getByTestId('td-flow').boundingBox();
    if (!pane) throw new Error('no canvas');
    // The wheel scrolls the canvas (over the empty top right corner: its bottom is below the window).
    await page.mouse.move(pane.x + pane.width - 30, pane.y + 30);
    await page.mouse.wheel(2500, 1500);
    await expect.poll(async () => (await viewport()).x).not.toBe(opened.x);
    const panned = await viewport();
    await page.getByTestId('td-fit').click();
    // Back at the start, at a readable zoom (the move is animated; its middle may zoom out).
    await expect
      .poll(async () => {
        const now = await viewport();
        return Math.abs(now.y - panned.y) > 100 && now.zoom >= 0.5 && now.zoom === opened.zoom;
      })
      .toBe(true);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('tree-designer-support-unfolded') });
  });

  it('keeps a 300-node tree usable: readable zoom, folded branches, an outline', async () => {
    await api.createDefinition({ kind: 'tree', key: 'big-help', name: 'Большое дерево', body: bigTree(300) });
    await openTree('big-help');
    expect((await viewport()).zoom).toBeGreaterThanOrEqual(0.5);
    expect((await card('start').boundingBox())?.width).toBeGreaterThanOrEqual(120);
    expect(await page.locator('.td-card').count()).toBeLessThan(40);
    await page.screenshot({ path: screenshotPath('tree-designer-300-opened') });

    await page.getByTestId('td-view-outline').click();
    await page.getByTestId('td-unfold-all').click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(300);
    await page.waitForTimeout(400);
    expect((await viewport()).zoom).toBeGreaterThanOrEqual(0.5);
    await page.screenshot({ path: screenshotPath('tree-designer-300-outline') });

    // The view is remembered for this tree in this browser.
    await page.reload();
    await page.getByTestId('tree-designer').waitFor();
    expect(await page.getByTestId('td-view-outline').getAttribute('aria-pressed')).toBe('true');
  });
});

/** A wide tree: the start, 10 topics of 5 questions each, answers under them up to `size` nodes. */
function bigTree(size: number) {
  type Node = { id: string; title: { ru: string }; children?: string[]; leaf?: unknown };
  const nodes: Node[] = [{ id: 'start', title: { ru: 'С чем нужна помощь?' }, children: [] }];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const add = (parent: string, id: string, title: string, leaf: boolean) => {
    const node: Node = leaf
      ? { id, title: { ru: title }, leaf: { type: 'answer', text: { ru: 'Готовый ответ.' } } }
      : { id, title: { ru: title }, children: [] };
    nodes.push(node);
    byId.set(id, node);
    byId.get(parent)?.children?.push(id);
  };
  for (let t = 0; t < 10; t++) add('start', `t${t}`, `Тема ${t + 1}`, false);
  for (let t = 0; t < 10; t++)
    for (let q = 0; q < 5; q++) add(`t${t}`, `t${t}q${q}`, `Вопрос ${t + 1}.${q + 1}`, false);
  for (let k = 0; nodes.length < size; k++)
    add(`t${k % 10}q${Math.floor(k / 10) % 5}`, `a${k}`, `Ответ номер ${k + 1}`, true);
  return { schemaVersion: 2, title: { ru: 'Большое дерево' }, root: 'start', nodes };
}

/** A published knowledge base article (the demo's, or one made here), or null without the KB API. */
async function publishedArticle(api: OporaClient): Promise<{ key: string; title: string } | null> {
  try {
    const found = (await api.kb.list({ state: 'published', limit: 1 })).items[0];
    if (found) return found;
    const created = await api.kb.create({
      title: 'Как восстановить пароль',
      body: '<p>Нажмите «Забыли пароль?» на странице входа и следуйте письму.</p>',
    });
    const inReview = await api.kb.setState(created.id, created.version, 'review');
    return await api.kb.setState(inReview.id, inReview.version, 'published');
  } catch (error) {
    console.warn(`Knowledge base API not available, no article leaf through the picker: ${String(error)}`);
    return null;
  }
}
