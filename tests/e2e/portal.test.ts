import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { watchCspViolations } from './support/csp-violations.js';
import { type RunningServer, startServer } from './support/server-process.js';

/** Visitors, clients and operators in the portal, at desktop and phone widths. */
describe('portal in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: server.adminPassword }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`${server.baseUrl}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        login: 'client1',
        name: 'Анна Орлова',
        password: 'client-password',
        roles: ['client'],
      }),
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 375]) {
    it(`shows the home page and the operator workspace at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const cspViolations = await watchCspViolations(page);
      await page.goto(`${server.baseUrl}/`);
      await page.getByTestId('kb-search-input').waitFor();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`portal-home-${width}`), fullPage: true });

      await signIn(page, `${server.baseUrl}/operator`, 'admin', server.adminPassword, 'operator-workspace');
      await expect.poll(() => page.getByTestId('request-row').count()).toBeGreaterThan(0);
      await page.getByTestId('request-row').first().click();
      await expect.poll(() => page.getByTestId('request-detail').textContent()).toContain('Обращение №');
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`portal-operator-${width}`) });
      // The portal and the lazily loaded operator screens run under the Content-Security-Policy, nothing refused.
      expect(cspViolations()).toEqual([]);
      await page.close();
    });
  }

  it('sends a client to the personal account after signing in', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-input').fill('client1');
    await page.getByTestId('password-input').fill('client-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.url()).toContain('/account');
    await expect.poll(() => page.locator('main').textContent()).toContain('Мои обращения');
    await page.close();
  });

  it('switches the interface to English', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('How can we help?');
    await page.close();
  });
});
