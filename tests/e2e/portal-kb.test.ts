import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * A visitor of the self-service portal finds an article by an inflected query (with suggestions as they type),
 * reads it, walks the question tree three levels to an article and rates it — at desktop and phone widths.
 */
describe('knowledge base and question-tree helper in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: OporaClient;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await adminApiClient(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const noSideScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  for (const width of [1280, 375]) {
    it(`finds a password article by «пароли» at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.baseUrl}/search`);
      const input = page.getByTestId('kb-search-input');
      await input.click();
      await input.pressSequentially('пароли', { delay: 30 });
      // Suggestions come as you type, in an ARIA listbox the input controls.
      await expect.poll(() => page.getByTestId('kb-suggestion').count()).toBeGreaterThan(1);
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      await input.press('ArrowDown');
      expect(await input.getAttribute('aria-activedescendant')).toBeTruthy();
      await input.press('ArrowUp');
      await input.press('Enter');

      await expect.poll(() => page.url()).toContain('/search?q=');
      await page.getByTestId('search-hit').first().waitFor();
      const first = page.getByTestId('search-hit').first();
      expect((await first.locator('h2').textContent())?.toLowerCase()).toContain('парол');
      expect(await first.locator('mark').count()).toBeGreaterThan(0);
      expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`portal-kb-search-${width}`), fullPage: width > 500 });

      await first.locator('h2 a').click();
      await page.getByTestId('kb-article').waitFor();
      expect((await page.getByTestId('article-title').textContent())?.toLowerCase()).toContain('парол');
      await expect.poll(() => page.title()).toContain('арол');
      expect(await page.getByTestId('kb-crumbs').textContent()).toContain('База знаний');
      expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`portal-kb-article-${width}`), fullPage: width > 500 });
      await page.close();
    });
  }

  it('says «Точного ответа нет» and offers the contact options when no article covers the question', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.baseUrl}/search?q=${encodeURIComponent('промокод не работает')}`);
    const noExact = page.getByTestId('search-no-exact');
    await noExact.waitFor();
    expect(await noExact.locator('h2').textContent()).toBe('Точного ответа нет');
    expect(
      await noExact.getByTestId('kb-contact').getByRole('link', { name: 'Написать в поддержку' }).count(),
    ).toBe(1);
    // The partial matches are still there, under a label that says what they are.
    expect(await page.getByTestId('search-related').textContent()).toContain('Возможно, связанные статьи');
    expect(await page.getByTestId('search-hit').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('portal-kb-no-exact-1280'), fullPage: true });
    // An answered question shows no such notice.
    await page.goto(`${server.baseUrl}/search?q=${encodeURIComponent('как сменить пароль')}`);
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.getByTestId('search-no-exact').count()).toBe(0);
    await page.close();
  });

  it('answers any query: very long, symbols, emoji', async () => {
    const page = await browser.newPage();
    for (const q of [
      'пароль '.repeat(200),
      `'"<script>alert(1)</script>%_\\*&?#`,
      '😀🔥 не работает 💳',
      '   ',
    ]) {
      await page.goto(`${server.baseUrl}/search?q=${encodeURIComponent(q)}`);
      await page.getByTestId('search-page').waitFor();
      await expect
        .poll(async () => (await page.locator('.kb-hit, .kb-empty, .kb-prompt').count()) > 0)
        .toBe(true);
      expect(await page.locator('.banner.error').count()).toBe(0);
    }
    await page.close();
  });

  it('says plainly when an article does not exist', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/kb/net-takoj-stati`);
    await page.getByTestId('article-missing').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Статья не найдена или недоступна');
    await page.close();
  });

  for (const width of [1280, 375]) {
    it(`walks the support tree three levels to an article and rates it at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.baseUrl}/help/support`);
      const choice = (text: string) => page.getByTestId('helper-choice').filter({ hasText: text }).first();
      await choice('Личный кабинет').click();
      await expect.poll(() => page.getByTestId('helper-question').textContent()).toContain('Личный кабинет');
      await choice('Проблемы с авторизацией').click();
      await expect.poll(() => page.url()).toContain('/help/support/account/auth-problems');
      expect(await page.getByTestId('helper-crumbs').textContent()).toContain('Личный кабинет');
      expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`portal-kb-helper-${width}`), fullPage: width > 500 });

      await choice('Неверный логин или пароль').click();
      await page.getByTestId('helper-article').waitFor();
      await page.getByTestId('article-body').waitFor();
      const key = new URL(page.url()).pathname.split('/').at(-1)!;
      const leafArticle = await articleKeyOfLeaf(key);
      const before = await admin.kb.portalArticle(leafArticle);

      await page.getByTestId('rate-yes').click();
      await page.getByTestId('rate-thanks').waitFor();
      await expect.poll(async () => (await admin.kb.get(before.id)).helpful).toBe(before.helpful + 1);
      expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: screenshotPath(`portal-kb-helper-article-${width}`),
        fullPage: width > 500,
      });

      // The step has its own address: opening it again resumes there, and «Назад» goes one step up.
      await page.reload();
      await page.getByTestId('helper-article').waitFor();
      // As a person would, once the page has settled (its tree and article loaded): a busy machine can take a while.
      await page.waitForLoadState('networkidle');
      await page.getByTestId('helper-back').click();
      await expect.poll(() => page.url()).toMatch(/\/help\/support\/account\/auth-problems$/);
      await page.close();
    });
  }

  it('records the walks for the tree statistics', async () => {
    await expect
      .poll(async () => (await admin.portal.treeStats('support')).nodes['auth-problems']?.visits ?? 0)
      .toBeGreaterThanOrEqual(2);
  });

  /** The article a leaf of the published tree leads to. */
  async function articleKeyOfLeaf(nodeId: string): Promise<string> {
    const tree = await admin.portal.tree('support');
    const body = tree.body as { nodes: { id: string; leaf?: { type: string; article?: string } }[] };
    const leaf = body.nodes.find((n) => n.id === nodeId)?.leaf;
    if (leaf?.type !== 'article' || !leaf.article) throw new Error(`"${nodeId}" is not an article leaf`);
    return leaf.article;
  }
});
