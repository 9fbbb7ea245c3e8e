import type { DefinitionSummary, OporaClient } from '@opora/sdk';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, pointerDrag, screenshotPath, signIn } from './support/browser.js';
import { watchCspViolations } from './support/csp-violations.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * An admin opens the portal home page in the page designer, drags «Популярные статьи» into a new row, sets its
 * title and count, sees the draft in the live preview, saves and publishes; the portal's `/` then shows the
 * widget. The portal settings editor warns about an unreadable header. Screenshots at 1280 and 375 px.
 */
describe('page designer in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: OporaClient;
  let page: Page;
  let cspViolations: () => string[];
  let home: DefinitionSummary;
  const title = `Часто читают ${Date.now() % 100000}`;

  const drag = (from: Locator, to: Locator) => pointerDrag(page, from, to);
  const shoot = async (name: string) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      await page.screenshot({ path: screenshotPath(`${name}-${width}`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await adminApiClient(server);
    // The template's home page when it has one; otherwise one made here, at «/», as the portal's home page.
    const pages = await admin.listDefinitions({ kind: 'page', limit: 100 });
    home =
      pages.items.find((d) => d.key === 'home') ??
      (await admin.createDefinition({
        kind: 'page',
        key: 'home',
        name: 'Главная',
        body: { schemaVersion: 1, title: { ru: 'Главная', en: 'Home' }, path: '/', rows: [] },
      }));
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    cspViolations = await watchCspViolations(page);
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-form');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('drags «Популярные статьи» into a new row and sets its title and count', async () => {
    await page.goto(`${server.baseUrl}/designer/d/page/${home.id}`);
    await page.getByTestId('page-designer').waitFor();
    const rowsBefore = await page.locator('.pd-row').count();
    await page.getByTestId('pd-add-row').click();
    await expect.poll(() => page.locator('.pd-row').count()).toBe(rowsBefore + 1);
    const row = page.locator('.pd-row').last();
    await row.getByRole('button', { name: 'Колонки: 8+4' }).click();
    await expect.poll(() => row.locator('.pd-column').count()).toBe(2);

    const column = row.locator('.pd-column-body').first();
    await drag(page.getByTestId('pd-palette-popular-articles').locator('.fd-grip'), column);
    const widget = column.locator('[data-widget-type="popular-articles"]');
    await expect.poll(() => widget.count()).toBe(1);
    // Dropped widgets are selected: their panel opens at once.
    await page.getByTestId('pd-properties').waitFor();
    await page.getByTestId('pd-title-ru').fill(title);
    await page.getByTestId('pd-count').fill('4');
    await expect.poll(() => widget.textContent()).toContain('Популярные статьи · 4');
    await expect.poll(() => widget.textContent()).toContain(title);

    // A search box beside it, by the keyboard-free «+» path, then moved with the arrow buttons.
    await row.locator('.pd-column-name').nth(1).click();
    await page.getByTestId('pd-palette-search').getByRole('button', { name: 'Добавить «Поиск»' }).click();
    const search = row.locator('.pd-column-body').nth(1).locator('[data-widget-type="search"]');
    await expect.poll(() => search.count()).toBe(1);
    await page.getByRole('button', { name: 'В предыдущую колонку' }).click();
    await expect.poll(() => column.locator('.pd-widget').count()).toBe(2);
    await page.getByTestId('pd-remove-widget').click();
    await expect.poll(() => column.locator('.pd-widget').count()).toBe(1);
    await page.getByTestId('pd-undo').click();
    await expect.poll(() => column.locator('.pd-widget').count()).toBe(2);
    await page.getByTestId('pd-remove-widget').click();
    await expect.poll(() => column.locator('.pd-widget').count()).toBe(1);

    // Free text in the other column, written in the small rich-text editor; the canvas summarises it.
    await row.locator('.pd-column-name').nth(1).click();
    await page.getByTestId('pd-palette-rich-text').getByRole('button', { name: 'Добавить «Текст»' }).click();
    const editor = page.getByTestId('pd-rich').locator('[contenteditable="true"]');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Работаем круглосуточно');
    const text = row.locator('[data-widget-type="rich-text"]');
    await expect.poll(() => text.textContent()).toContain('Работаем круглосуточно');

    // Rows move with dnd-kit's keyboard sensor too: Space on the grip, an arrow, Space again.
    const rows = page.locator('.pd-row');
    const count = await rows.count();
    await rows
      .nth(count - 1)
      .locator('.pd-row-head .fd-grip')
      .focus();
    // dnd-kit attaches its key listeners a tick after the pick-up, as a person's pauses allow.
    for (const key of ['Space', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(300);
    }
    await expect.poll(() => rows.nth(count - 2).textContent()).toContain(title);
    await rows
      .nth(count - 2)
      .getByRole('button', { name: `Опустить строку ${count - 1}` })
      .click();
    await expect.poll(() => rows.nth(count - 1).textContent()).toContain(title);
    await shoot('page-designer-canvas');
  });

  it('shows the draft in the real portal, at desktop and phone widths', async () => {
    await page.getByTestId('pd-preview-desktop').click();
    const frame = page.frameLocator('[data-testid="pd-preview-frame"]');
    await expect.poll(() => frame.locator('body').textContent(), { timeout: 20_000 }).toContain(title);
    await page
      .getByTestId('pd-preview')
      .screenshot({ path: screenshotPath('page-designer-preview-desktop') });
    await page.getByTestId('pd-preview-phone').click();
    await page.waitForTimeout(500);
    await page.getByTestId('pd-preview').screenshot({ path: screenshotPath('page-designer-preview-phone') });
    await page.getByTestId('pd-preview-off').click();
    // The portal may be framed by its own origin (the preview) and by no other: nothing refused here.
    expect(cspViolations()).toEqual([]);
  });

  it('saves and publishes; the portal shows the widget at «/»', async () => {
    await page.getByTestId('save-definition').click();
    await expect.poll(() => page.getByTestId('publish-result').textContent()).toContain('Черновик сохранён');
    // The portal's `/` is the page its published settings name as home: make sure that is this page.
    const portal = (await admin.listDefinitions({ kind: 'portal', limit: 10 })).items.find(
      (d) => d.key === 'main',
    );
    if (portal) {
      const draft = await admin.getDefinition(portal.id);
      const body = draft.body as { homePage?: string };
      if (body.homePage !== home.key) {
        await admin.updateDefinition(portal.id, {
          name: draft.name,
          body: { ...body, homePage: home.key },
          draftVersion: draft.draftVersion,
        });
      }
    }
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 20_000 })
      .toContain('Опубликована версия');
    if (portal) {
      const fresh = await admin.getDefinition(portal.id);
      if (fresh.hasUnpublishedChanges || fresh.latestVersion === null)
        await admin.publishDefinition(portal.id, fresh.draftVersion);
    }

    await page.getByTestId('pd-open-on-portal').waitFor();
    expect(await page.getByTestId('pd-open-on-portal').getAttribute('href')).toBe('/');

    const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await visitor.goto(`${server.baseUrl}/`);
    await expect.poll(() => visitor.locator('body').textContent(), { timeout: 20_000 }).toContain(title);
    await visitor.screenshot({ path: screenshotPath('page-designer-portal-home-1280'), fullPage: true });
    await visitor.close();
    const published = await admin.portal.page('/');
    expect(JSON.stringify(published.body)).toContain(title);
  });

  it('warns in the portal settings when the header text is hard to read', async () => {
    const portal = (await admin.listDefinitions({ kind: 'portal', limit: 10 })).items.find(
      (d) => d.key === 'main',
    );
    const id =
      portal?.id ??
      (
        await admin.createDefinition({
          kind: 'portal',
          key: 'main',
          name: 'Портал',
          body: { schemaVersion: 1, name: { ru: 'Поддержка' }, colors: { primary: '#2563eb' }, menu: [] },
        })
      ).id;
    await page.goto(`${server.baseUrl}/designer/d/portal/${id}`);
    await page
      .getByTestId('portal-settings')
      .waitFor({ timeout: 8000 })
      .catch(async (e) => {
        await page.screenshot({ path: screenshotPath('debug-portal') });
        console.log('URL', page.url());
        throw e;
      });
    await page.getByTestId('ps-color-header').fill('#ffffff');
    await page.getByTestId('ps-color-headerText').fill('#cccccc');
    await page.getByTestId('ps-contrast-warning').waitFor();
    await page.getByTestId('ps-color-headerText').fill('#1c2333');
    await expect.poll(() => page.getByTestId('ps-contrast-warning').count()).toBe(0);
    const items = await page.locator('.ps-menu-item').count();
    await page.getByTestId('ps-menu-add').click();
    await expect.poll(() => page.locator('.ps-menu-item').count()).toBe(items + 1);
    await page.getByTestId(`ps-menu-to-${items}`).fill('kb');
    await expect
      .poll(() => page.getByTestId(`ps-menu-item-${items}`).textContent())
      .toContain('Путь на портале');
    await page.getByTestId(`ps-menu-to-${items}`).fill('/kb');
    await shoot('portal-settings');
  });
});
