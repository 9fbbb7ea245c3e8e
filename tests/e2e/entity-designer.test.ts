import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

const analystPassword = 'analyst-e2e-password';

/** Signs in to the API as admin: the cookie and CSRF header later calls need. */
async function adminSession(server: RunningServer): Promise<Record<string, string>> {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: server.adminPassword }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('opora_session='))!
    .split(';')[0]!;
  return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

/**
 * An analyst opens the "Обращение" type of the demo template (it has records), adds a choice-list field with
 * coloured options in the fields tab and publishes; then removes an option records use, sees the publish
 * refused with the count, adds the suggested migration rule and publishes again; then changes its access
 * rights in the grid.
 */
describe('data type designer in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let admin: Record<string, string>;

  /** Reads the API as admin, to check what the UI did. */
  const api = async <T>(path: string): Promise<T> =>
    (await fetch(`${server.baseUrl}/api/v1${path}`, { headers: admin })).json() as Promise<T>;

  beforeAll(async () => {
    server = await startServer();
    admin = await adminSession(server);
    const created = await fetch(`${server.baseUrl}/api/v1/users`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        login: 'anna',
        name: 'Анна Аналитик',
        password: analystPassword,
        roles: ['analyst'],
      }),
    });
    expect(created.status).toBe(201);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1250 } })).newPage();
    await signIn(page, `${server.baseUrl}/designer/`, 'anna', analystPassword, 'nav-entity');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds «Канал обращения» with two coloured options to a type with records and publishes it', async () => {
    await page.getByTestId('nav-entity').click();
    await page.getByRole('link', { name: 'Обращение', exact: true }).click();
    // The fields tab opens first for data types.
    await page.getByTestId('entity-designer').waitFor();
    expect(await page.getByTestId('fields-tab').getAttribute('aria-selected')).toBe('true');

    await page.getByTestId('add-field').click();
    await page.getByTestId('add-field-enum').click();
    await page.getByTestId('field-label-ru').fill('Канал обращения');
    await page.getByTestId('field-label-en').fill('Intake channel');
    // The key follows the Russian label until the field is published.
    expect(await page.getByTestId('field-key').inputValue()).toBe('kanalObrashcheniya');

    await page.getByTestId('enum-option-0-label-ru').fill('Телефон');
    await page.getByTestId('enum-option-0-colour').fill('#16a34a');
    await page.getByTestId('enum-add-option').click();
    await page.getByTestId('enum-option-1-label-ru').fill('Электронная почта');
    await page.getByTestId('enum-option-1-colour').fill('#2563eb');
    expect(await page.getByTestId('enum-option-0-value').inputValue()).toBe('telefon');
    expect(await page.getByTestId('enum-option-1-value').inputValue()).toBe('elektronnayaPochta');

    // Keyboard-accessible reordering: the new field moves up one place.
    await page.getByRole('button', { name: 'Поднять «Канал обращения»' }).click();
    const names = await page
      .locator('.ed-field-list > li')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')));
    expect(names.at(-2)).toBe('field-item-kanalObrashcheniya');

    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 30_000 })
      .toContain('Опубликована версия 2');
    await page.getByTestId('field-item-kanalObrashcheniya').locator('.ed-field-main').click();
    await page.screenshot({ path: screenshotPath('entity-designer-published') });

    const request = await api<{ body: { fields: { key: string }[] }; version: number }>(
      '/published/entity/request',
    );
    expect(request.version).toBe(2);
    expect(request.body.fields.find((f) => f.key === 'kanalObrashcheniya')).toEqual({
      key: 'kanalObrashcheniya',
      type: 'enum',
      label: { ru: 'Канал обращения', en: 'Intake channel' },
      options: [
        { value: 'telefon', label: { ru: 'Телефон' }, color: '#16a34a' },
        { value: 'elektronnayaPochta', label: { ru: 'Электронная почта' }, color: '#2563eb' },
      ],
    });
    // A published field's key is locked.
    expect(await page.getByTestId('field-key').getAttribute('readonly')).not.toBeNull();
  });

  it('refuses removing an option records use, naming the count, until the suggested rule is added', async () => {
    await page.getByTestId('field-item-channel').locator('.ed-field-main').click();
    await page.getByRole('button', { name: 'Удалить значение «Telegram»' }).click();
    const panel = page.getByTestId('evolution-panel');
    await expect.poll(() => panel.textContent()).toContain('«Канал»: удаляются значения «Telegram».');

    await page.getByTestId('publish-definition').click();
    const refusal = page.getByTestId('publish-refusal');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.textContent()).toMatch(
      /«Канал»: удалены значения «Telegram», а они выбраны в 1 записи \(например, №\d+\)/,
    );
    await page.screenshot({ path: screenshotPath('entity-designer-refused') });
    expect((await api<{ version: number }>('/published/entity/request')).version).toBe(2);

    await page.getByTestId('add-rule-channel').click();
    expect(await page.getByTestId('rule-channel-map-telegram').inputValue()).toBe('portal');
    await page.getByTestId('rule-channel-map-telegram').selectOption('chat');
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 30_000 })
      .toContain('Опубликована версия 3');
    const records = await api<{ items: { data: { channel?: string } }[] }>('/records/request?limit=50');
    const channels = records.items.map((r) => r.data.channel);
    expect(channels).not.toContain('telegram');
    expect(channels.filter((c) => c === 'chat')).toHaveLength(2);
    await page.screenshot({ path: screenshotPath('entity-designer-migrated') });
  });

  it('sets who may do what with the records in «Права доступа», and the server keeps to it', async () => {
    const grid = page.getByTestId('entity-access');
    await grid.scrollIntoViewIfNeeded();
    expect(await grid.textContent()).toContain('Права доступа');
    // Administrators may always do everything: their row cannot be changed.
    expect(await page.getByTestId('access-admin-delete').isDisabled()).toBe(true);
    // The template lets supervisors delete requests and every staff role read them; take both from some.
    await page.getByTestId('access-supervisor-delete').uncheck();
    await page.getByTestId('access-analyst-read').uncheck();
    expect(await page.getByTestId('access-client-own').isChecked()).toBe(true);
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 30_000 })
      .toContain('Опубликована версия 4');
    await grid.screenshot({ path: screenshotPath('entity-designer-access') });
    const published = await api<{ body: { access: Record<string, string[]> } }>('/published/entity/request');
    expect(published.body.access.delete).toEqual(['admin']);
    expect(published.body.access.read).not.toContain('analyst');
    expect(published.body.access.read).toContain('client');
    // The analyst who made the change now reads no requests.
    const refused = await page.evaluate(async () => (await fetch('/api/v1/records/request')).status);
    expect(refused).toBe(403);
  });

  it('creates a data type from its name: the key follows the name, the label is the name', async () => {
    await page.goto(`${server.baseUrl}/designer/d/entity/new`);
    const key = page.getByTestId('definition-key');
    expect(await key.getAttribute('placeholder')).not.toBe('request-create');
    await page.getByTestId('definition-name').fill('Обращение клиента');
    await expect.poll(() => key.inputValue()).toBe('obrashchenie-klienta');
    await page.getByTestId('create-submit').click();
    await expect.poll(() => page.getByTestId('entity-label-ru').inputValue()).toBe('Обращение клиента');
    expect(await page.getByTestId('editor-head').textContent()).toContain('obrashchenie-klienta');
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByTestId('entity-label-ru').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // With a field's properties open too (the template's request type, its first field selected).
    await page.goto(`${server.baseUrl}/designer/d/entity`);
    await page.getByTestId('definition-row').filter({ hasText: 'request' }).locator('a').first().click();
    await page.getByTestId('entity-access').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('entity-designer-375'), fullPage: true });
  });
});
