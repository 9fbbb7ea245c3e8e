import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
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

  it('keeps the editor header on one row at 1280, rare actions in «⋯», steady when unsaved', async () => {
    await page.getByTestId('edit-tab').click();
    const publish = page.getByTestId('publish-definition');
    const more = page.getByTestId('editor-more');
    const before = (await publish.boundingBox())!;
    expect(Math.abs((await more.boundingBox())!.y - before.y)).toBeLessThan(2);
    expect(await page.getByRole('button', { name: 'В архив' }).count()).toBe(0);
    await page.locator('.editor-grid input').first().fill('Заявка с портала (изменено)');
    await page.getByText('Не сохранено').waitFor();
    expect(await publish.boundingBox()).toEqual(before);
    await page.screenshot({
      path: screenshotPath('designer-header-1280'),
      clip: { x: 0, y: 0, width: 1280, height: 200 },
    });
    // The menu works from the keyboard: Enter opens it on its first item, Esc closes it.
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('В архив');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menuitem').count()).toBe(0);
    await page.getByTestId('save-definition').click();
    await page.getByTestId('publish-result').filter({ hasText: 'Черновик сохранён' }).waitFor();
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

  it('shows an operator only what he may use, and a clear page for a designer screen', async () => {
    const admin = await adminApiClient(server);
    await admin.createUser({
      login: 'olga',
      name: 'Ольга Оператор',
      password: 'operator-e2e-pw',
      roles: ['operator'],
    });
    const operator = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await signIn(operator, `${server.baseUrl}/designer/`, 'olga', 'operator-e2e-pw', 'nav-kb');
    expect(await operator.getByTestId('nav-entity').count()).toBe(0);
    expect(await operator.getByTestId('nav-bundles').count()).toBe(0);
    expect(await operator.getByTestId('topbar-operator').getAttribute('href')).toBe('/operator');
    await operator.screenshot({ path: screenshotPath('designer-operator-menu') });
    await operator.goto(`${server.baseUrl}/designer/d/entity`);
    const refusal = operator.getByTestId('forbidden-page');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Аналитик');
    expect(await operator.getByText('Создать', { exact: true }).count()).toBe(0);
    expect(await operator.getByText('Недостаточно прав').count()).toBe(0);
    await operator.screenshot({ path: screenshotPath('designer-operator-forbidden') });
    await operator.getByTestId('forbidden-home').click();
    await operator.waitForURL(/\/designer\/kb/);
    await operator.close();
  });
});
