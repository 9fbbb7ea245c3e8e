import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/** An admin edits the support desk's greeting in its form: a typo in a variable is caught, a chip fixes it. */
describe('answer template form in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-template');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a wrong variable at its field, inserts one from a chip, previews and publishes', async () => {
    await page.getByTestId('nav-template').click();
    await page.getByRole('link', { name: 'Приветствие' }).click();
    await page.getByTestId('template-form').waitFor();
    const ru = page.getByTestId('template-text-ru');
    await ru.fill('Здравствуйте, {{client.nmae}}!');
    await expect
      .poll(() => page.getByTestId('template-form').textContent())
      .toContain('Неизвестная переменная');
    await ru.fill('Здравствуйте, ');
    await ru.press('End');
    await page.getByTestId('template-variable-client.firstName').click();
    await expect.poll(() => ru.inputValue()).toBe('Здравствуйте, {{client.firstName}}');
    await expect.poll(() => page.getByTestId('template-preview-ru').textContent()).toBe('Здравствуйте, Анна');
    await page.getByTestId('template-shortcut').fill('привет');
    await page.screenshot({ path: screenshotPath('template-designer-1280'), fullPage: true });
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 20_000 })
      .toContain('Опубликована версия 2');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await page.screenshot({ path: screenshotPath('template-designer-375'), fullPage: true });
  });
});
