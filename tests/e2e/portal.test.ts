import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { watchCspViolations } from './support/csp-violations.js';
import { type RunningServer, startServer } from './support/server-process.js';

/** How much of a field's placeholder is cut off, in pixels (0 when it is read in full). */
const placeholderCut = (input: Locator) =>
  input.evaluate((field: HTMLInputElement) => {
    const style = getComputedStyle(field);
    const text = document.createElement('span');
    Object.assign(text.style, { font: style.font, whiteSpace: 'pre', position: 'absolute' });
    text.textContent = field.placeholder;
    document.body.append(text);
    const needed = text.getBoundingClientRect().width;
    text.remove();
    // A search field keeps room for its clear button (about 1em) even while empty.
    const clear = field.type === 'search' ? Number.parseFloat(style.fontSize) + 1 : 0;
    const padding = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight);
    return Math.max(0, Math.ceil(needed - (field.clientWidth - padding - clear)));
  });

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
        email: 'anna.orlova@example.org',
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
      expect(await placeholderCut(page.getByTestId('kb-search-input'))).toBe(0);
      await page.screenshot({ path: screenshotPath(`portal-home-${width}`), fullPage: true });
      await page.goto(`${server.baseUrl}/kb`);
      await page.getByTestId('kb-search-input').waitFor();
      expect(await placeholderCut(page.getByTestId('kb-search-input'))).toBe(0);

      await signIn(page, `${server.baseUrl}/operator`, 'admin', server.adminPassword, 'operator-window');
      await expect.poll(() => page.getByTestId('request-row').count()).toBeGreaterThan(0);
      expect(await placeholderCut(page.getByRole('searchbox', { name: 'Поиск по обращениям' }))).toBe(0);
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

  /** What a page logs as an error and which API calls it gets a 4xx for, from now on. */
  const watchTroubles = (page: Page) => {
    const troubles: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') troubles.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && r.status() < 500)
        troubles.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    return troubles;
  };

  it('lets a visitor browse without a single error: who is signed in is asked once, and a visitor is no error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const troubles = watchTroubles(page);
    const sessionAsks: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/auth/')) sessionAsks.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('kb-search-input').waitFor();
    const nav = page.getByRole('navigation', { name: 'Меню' });
    await nav.getByRole('link', { name: 'База знаний' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('База знаний');
    await nav.getByRole('link', { name: 'Помощник' }).click();
    await page.getByRole('button', { name: /Личный кабинет/ }).click();
    await expect.poll(() => page.getByTestId('helper-question').textContent()).toBe('Личный кабинет');
    await nav.getByRole('link', { name: 'Написать нам' }).click();
    await page.getByTestId('portal-form').waitFor();
    expect(sessionAsks).toEqual(['/api/v1/auth/session']);
    expect(troubles).toEqual([]);
    await page.close();
  });

  it('keeps the help walk of a signed-in client who opens a helper link directly, and fills in their form', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const first = await context.newPage();
    await signIn(first, `${server.baseUrl}/login`, 'client1', 'client-password', 'account');
    // A link from a letter or a bookmark: a new page, loaded straight at a step of the helper.
    const page = await context.newPage();
    const troubles = watchTroubles(page);
    const walks: number[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && r.url().includes('/walks')) walks.push(r.status());
    });
    // A slow answer to «who is signed in» (a busy server): the walk's first write comes before it.
    await page.route('**/api/v1/auth/**', async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    await page.goto(`${server.baseUrl}/help/support/account/auth-problems`);
    await page.getByRole('button', { name: /Ничего не подошло/ }).click();
    await expect.poll(() => page.getByTestId('helper-question').textContent()).toContain('Ничего не подошло');
    await expect.poll(() => walks.length).toBe(2);
    expect(walks.every((status) => status < 300)).toBe(true);
    await page.screenshot({ path: screenshotPath('portal-help-direct-1280') });

    // The form starts with what the portal knows — the client's name and e-mail, the way they came — all editable.
    await page.getByTestId('helper-form').click();
    await page.getByTestId('portal-form').waitFor();
    await expect
      .poll(() => page.getByLabel('Тема').inputValue())
      .toBe('Личный кабинет → Проблемы с авторизацией');
    expect(await page.getByLabel('Как к вам обращаться').inputValue()).toBe('Анна Орлова');
    expect(await page.getByLabel('Электронная почта для связи').inputValue()).toBe('anna.orlova@example.org');
    await page.getByLabel('Тема').fill('Не могу войти после смены пароля');
    expect(await page.getByLabel('Тема').inputValue()).toBe('Не могу войти после смены пароля');
    await page.screenshot({ path: screenshotPath('portal-form-prefilled-1280'), fullPage: true });
    expect(troubles).toEqual([]);
    await context.close();
  });

  it('switches the interface to English', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('How can we help?');
    await page.close();
  });
});
