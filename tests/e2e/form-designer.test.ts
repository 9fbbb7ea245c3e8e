import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pointerDrag, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * An analyst builds a form for «Обращение» by dragging fields into columns and a tab, adds a visibility rule and
 * publishes it; an operator then creates a request through that form on the generated work screen.
 */
describe('form designer in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const drag = (from: Locator, to: Locator) => pointerDrag(page, from, to);
  const container = (id: string) => page.locator(`[data-container="${id}"]`);
  const grip = (testId: string) => page.getByTestId(testId).locator('.fd-grip').first();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-form');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('builds a form by dragging fields into two columns and a tab', async () => {
    await page.getByTestId('nav-form').click();
    await page.getByTestId('create-definition').click();
    await page.getByTestId('definition-key').fill('request-intake');
    await page.getByTestId('definition-name').fill('Приём обращения');
    await page.getByTestId('definition-entity').selectOption('request');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('form-designer').waitFor();

    await drag(grip('palette:field:subject'), container('root'));
    await expect.poll(() => page.getByTestId('canvas-subject').count()).toBe(1);

    await drag(grip('palette:columns'), container('root'));
    await expect.poll(() => page.locator('.fd-columns-grid').count()).toBe(1);
    const columns = page.locator('.fd-columns-grid [data-container]');
    await drag(grip('palette:field:category'), columns.nth(0));
    await drag(grip('palette:field:priority'), columns.nth(1));
    await expect.poll(() => columns.nth(0).getByTestId('canvas-category').count()).toBe(1);
    await expect.poll(() => columns.nth(1).getByTestId('canvas-priority').count()).toBe(1);

    await drag(grip('palette:tabs'), container('root'));
    const tab = page.locator('.fd-tabs-body [data-container]').first();
    await drag(grip('palette:field:description'), tab);
    await expect.poll(() => tab.getByTestId('canvas-description').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('form-designer-layout') });
  });

  it('adds a visibility rule with a live check, undoes and redoes', async () => {
    await page.getByTestId('canvas-description').locator('.fd-element-title').click();
    await page.getByTestId('fd-visible-if').fill("categry == 'billing'");
    await expect.poll(() => page.getByTestId('fd-properties').textContent()).toContain('нет поля «categry»');
    await page.getByTestId('fd-visible-if').fill("category != 'other'");
    await expect.poll(() => page.getByTestId('fd-properties').locator('.field-error').count()).toBe(0);
    // «Подпись на этой форме»: the EN input stays whole inside the panel.
    const panel = (await page.getByTestId('fd-properties').boundingBox())!;
    const english = (await page.locator('.fd-text-pair input').nth(1).boundingBox())!;
    expect(english.x + english.width).toBeLessThanOrEqual(panel.x + panel.width);

    await page.getByTestId('fd-remove').click();
    await expect.poll(() => page.getByTestId('canvas-description').count()).toBe(0);
    await page.getByTestId('fd-undo').click();
    await expect.poll(() => page.getByTestId('canvas-description').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('form-designer-properties') });
  });

  it('previews at phone width and publishes', async () => {
    await page.getByTestId('fd-preview-mobile').click();
    await page.getByTestId('fd-preview').waitFor();
    await page.screenshot({ path: screenshotPath('form-designer-preview-mobile') });
    await page.getByTestId('fd-preview-off').click();
    // The designer itself on a phone: no sideways scrolling, columns one under another.
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 20_000 })
      .toContain('Опубликована версия 1');
  });

  it('lets an operator create a request through the new form: a field error, the rule at work, the list', async () => {
    const subject = 'Не приходит письмо для смены пароля 5520';
    await page.goto(`${server.baseUrl}/work/request/new?form=request-intake`);
    await page.getByTestId('create-screen').waitFor();
    expect(await page.getByTestId('form-choice').inputValue()).toBe('request-intake');

    await page.getByTestId('save').click();
    await page.getByTestId('error-subject').waitFor();
    expect(await page.getByTestId('error-subject').textContent()).toBe('Заполните поле «Тема»');

    await page.getByLabel('Тема').fill(subject);
    // The analyst's rule: no description for «Другое».
    await page.getByLabel('Категория').selectOption('other');
    await expect.poll(() => page.getByLabel('Описание').count()).toBe(0);
    await page.getByLabel('Категория').selectOption('account');
    await page
      .getByLabel('Описание')
      .fill('Нажимаю «Забыли пароль?», письмо так и не приходит уже второй день.');
    await page.getByLabel('Приоритет').selectOption('high');
    await page.screenshot({ path: screenshotPath('form-designer-operator-create'), fullPage: true });
    await page.getByTestId('save').click();

    await page.getByTestId('card-screen').waitFor();
    expect(await page.getByTestId('card-title').textContent()).toBe(subject);
    await page.goto(`${server.baseUrl}/work/request`);
    await page.getByTestId('list-screen').waitFor();
    await page.getByTestId('list-search').fill('письмо 5520');
    await expect.poll(() => page.getByTestId('record-row').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('form-designer-operator-list') });
  });
});
