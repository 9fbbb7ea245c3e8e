import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

const secretValue = 'crm-token-Zx81-never-shown';

/** An admin stores a secret, points an integration at it, and reads the record of production script runs. */
describe('integrations, secrets and script runs in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: OporaClient;

  beforeAll(async () => {
    server = await startServer();
    api = await adminApiClient(server);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-secrets');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('stores a secret whose value is never shown again', async () => {
    await page.getByTestId('nav-secrets').click();
    await page.getByTestId('secret-new').click();
    await page.getByTestId('secret-name').fill('Bad Name');
    await page.getByTestId('secret-value').fill(secretValue);
    await page.getByTestId('secret-save').click();
    expect(await page.getByTestId('secret-form').textContent()).toContain('Латинские строчные буквы');

    await page.getByTestId('secret-name').fill('crm_token');
    await page.getByTestId('secret-save').click();
    await page.getByText('Секрет «crm_token» сохранён').waitFor();
    expect(await page.getByTestId('secret-list').textContent()).toContain('crm_token');
    expect(await page.content()).not.toContain(secretValue);
    expect(JSON.stringify(await api.listSecrets())).not.toContain(secretValue);
    await page.screenshot({ path: screenshotPath('secrets-list') });
  });

  it('configures an integration in its settings form and publishes it', async () => {
    await page.getByTestId('nav-integration').click();
    await page.getByTestId('create-definition').click();
    await page.getByTestId('definition-key').fill('crm');
    await page.getByTestId('definition-name').fill('CRM клиентов');
    // The address is asked at creation, starting empty (no made-up default), and its host becomes the allowed one.
    const address = page.getByTestId('definition-base-url');
    expect(await address.inputValue()).toBe('');
    expect(await address.getAttribute('placeholder')).toBeTruthy();
    await address.fill('https://crm.example.ru/api');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('integration-form').waitFor();
    expect(await page.getByTestId('integration-base-url').inputValue()).toBe('https://crm.example.ru/api');
    expect(await page.getByTestId('integration-allowed-hosts').inputValue()).toBe('crm.example.ru');
    await page.getByTestId('integration-auth-type').selectOption('bearer');
    await page.getByTestId('integration-auth-secret').selectOption('crm_token');
    // This CRM is trusted to return its own data unmasked (see the README's model of secrets in responses).
    await page.getByText('Доверять этой системе: не маскировать секреты в её ответах').click();
    await page.screenshot({ path: screenshotPath('integration-settings') });
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 20_000 })
      .toContain('Опубликована версия 1');

    const [published] = (await api.listDefinitions({ kind: 'integration', q: 'crm' })).items;
    const version = await api.getVersion(published!.id, 1);
    expect(version.body).toMatchObject({
      baseUrl: 'https://crm.example.ru/api',
      allowedHosts: ['crm.example.ru'],
      auth: { type: 'bearer', secret: 'crm_token' },
      secretEcho: 'allow',
    });
  });

  it('names a bad host next to its field and refuses to publish it', async () => {
    await page.getByTestId('integration-allowed-hosts').fill('crm.example.ru\nnot a host!');
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('integration-form').locator('.field-error').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });

  it('checks allowed internal addresses as they are typed: address or range, and its port', async () => {
    const field = page.getByTestId('integration-allowed-addresses');
    const error = field.locator('xpath=..').locator('.field-error');
    await field.fill('10.0.0.5:8080\n10.0.0.5:99999');
    await expect.poll(() => error.textContent()).toContain('10.0.0.5:99999');
    await field.fill('10.0.0.5:8080\n[fd00::5]:8443\n10.0.1.0/24');
    await expect.poll(() => error.count()).toBe(0);
  });

  it('lists production runs with their outcome, error position and logs', async () => {
    const script = await api.createDefinition({
      kind: 'script',
      key: 'check-vip',
      name: 'Проверка VIP',
      body: {
        schemaVersion: 1,
        language: 'typescript',
        source: [
          'export default async function run(ctx: ScriptContext<{ tier?: string }>) {',
          "  ctx.log.info('tier', ctx.input.tier);",
          "  if (!ctx.input.tier) throw new Error('нет уровня клиента');",
          "  return { vip: ctx.input.tier === 'gold' };",
          '}',
        ].join('\n'),
        integrations: [],
      },
    });
    await api.publishDefinition(script.id, script.draftVersion);
    expect((await api.runScript('check-vip', { tier: 'gold' })).ok).toBe(true);
    expect((await api.runScript('check-vip', {})).ok).toBe(false);

    await page.getByTestId('nav-script-runs').click();
    const rows = page.getByTestId('run-list').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('check-vip');
    await rows.first().click();
    expect(await page.getByTestId('run-list').textContent()).toContain('нет уровня клиента');
    expect(await page.getByTestId('run-list').textContent()).toContain('строка 3');
    await page.getByLabel('Результат').selectOption('ok');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Результат').selectOption('');
    await expect.poll(() => rows.count()).toBe(3); // two runs, the failed one still open
    await page.screenshot({ path: screenshotPath('script-runs') });
  });
});
