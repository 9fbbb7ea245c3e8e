import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/** An analyst signs in to the designer, creates a form, is refused publishing with the problem shown, fixes it, publishes. */
describe('designer in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a wrong password with a visible message', async () => {
    await page.goto(`${server.baseUrl}/designer/`);
    await page.getByTestId('login-input').fill('admin');
    await page.getByTestId('password-input').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toContain('Неверный логин или пароль');
  });

  it('signs in and lists the template data types', async () => {
    await page.getByTestId('password-input').fill(server.adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-entity').waitFor();
    await expect.poll(() => page.getByTestId('definition-row').count()).toBe(3);
    await expect.poll(() => page.locator('main').textContent()).toContain('Обращение');
  });

  it('creates a form, shows the publish refusal at its line, then publishes version 1', async () => {
    await page.getByTestId('nav-form').click();
    await page.getByTestId('create-definition').click();
    await page.getByTestId('definition-key').fill('portal-request');
    await page.getByTestId('definition-name').fill('Заявка с портала');
    await page.getByTestId('definition-entity').selectOption('request');
    await page.getByTestId('create-submit').click();
    // Forms open in the drag-and-drop designer; this test edits the JSON directly.
    await page.getByTestId('edit-tab').click();
    const editor = page.getByTestId('body-editor');
    await editor.waitFor();

    const body = {
      schemaVersion: 1,
      entity: 'request',
      purpose: 'portal',
      layout: [
        { id: 'subject', type: 'field', field: 'subject' },
        { id: 'oops', type: 'field', field: 'nonexistent' },
      ],
    };
    await editor.fill(JSON.stringify(body, null, 2));
    await page.getByTestId('publish-definition').click();
    await expect.poll(() => page.getByTestId('problems-list').textContent()).toContain('nonexistent');
    expect(await page.locator('.line-no.marked').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('designer-publish-refused') });

    body.layout = [body.layout[0]!, { id: 'description', type: 'field', field: 'description' }];
    await editor.fill(JSON.stringify(body, null, 2));
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent())
      .toContain('Опубликована версия 1');
    await page.getByTestId('versions-tab').click();
    await expect.poll(() => page.getByTestId('version-row').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('designer-published-version') });
  });

  it('shows invalid JSON as a syntax problem without saving', async () => {
    await page.getByRole('tab', { name: 'Редактор' }).click();
    await page.getByTestId('body-editor').fill('{ "schemaVersion": 1,');
    await expect
      .poll(() => page.getByTestId('problems-list').textContent())
      .toMatch(/JSON|position|Unexpected/);
    expect(await page.getByTestId('publish-definition').isDisabled()).toBe(true);
  });

  it('fits a 375 px phone screen', async () => {
    await page.setViewportSize({ width: 375, height: 760 });
    await page.goto(`${server.baseUrl}/designer/d/form`);
    await page.getByTestId('definition-row').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('designer-375') });
  });
});
