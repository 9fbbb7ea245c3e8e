import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/**
 * A visitor signs up as a client, sends the feedback form (ФОС), sees the request number and finds the request in
 * the personal account; an operator moves it to «В работе» and the open account shows the new status and a
 * notification without a reload; the specialist's answer appears in the request's thread and the client answers. A client who forgot the password asks for a link, opens it from the mail (the
 * server's log here), sets a new password and signs in; the mailed confirmation link confirms the address.
 * Screenshots of the home page, the confirmation, the account and the forgot/reset pages at 1280 and 375 px.
 */
// One server and browser for the whole file: each describe opens its own pages.
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

describe('client personal account in Chromium', () => {
  let page: Page;
  let requestId = '';
  let requestNumber = '';
  const subject = `Не приходит письмо для входа ${Date.now()}`;
  const email = `maria.${Date.now()}@example.ru`;

  const noSideScrollOn = (target: Page) =>
    target
      .evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      .then((d) => expect(d).toBe(0));
  const shoot = async (name: string, target: Page = page) => {
    for (const width of [1280, 375]) {
      await target.setViewportSize({ width, height: 900 });
      await noSideScrollOn(target);
      await target.screenshot({ path: screenshotPath(`${name}-${width}`), fullPage: true });
    }
    await target.setViewportSize({ width: 1280, height: 900 });
  };
  /** The newest link of a kind from mail the server wrote to its log (no SMTP_URL in this run). */
  const mailedLink = async (path: string): Promise<string> => {
    const pattern = new RegExp(`https?://[^\\s"]+${path}\\?token=[\\w-]+`, 'g');
    const links = () => server.output().match(pattern) ?? [];
    await expect.poll(() => links().length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(server.output()).toContain('MAIL NOT SENT (SMTP_URL is not set)');
    return links().at(-1)!;
  };

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('shows the published home page with the portal branding', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('site-page').waitFor();
    expect(await page.locator('.site-page .widget').count()).toBeGreaterThan(0);
    await expect.poll(() => page.title()).toContain('Портал поддержки');
    // Every widget has had its answer (popular articles, sections…) before the picture is taken.
    await expect.poll(() => page.locator('.site-page .loading-state').count(), { timeout: 15_000 }).toBe(0);
    await shoot('portal-account-home');
  });

  it('signs a visitor up as a client', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('a.signup-link').click();
    await page.getByTestId('signup-form').waitFor();
    // The checks speak next to their fields before anything is sent.
    await page.getByTestId('signup-name').fill('Мария Соколова');
    await page.getByTestId('signup-email').fill('maria.sokolova');
    await page.getByTestId('signup-password').fill('short');
    await page.getByTestId('signup-repeat').fill('other');
    await page.getByTestId('signup-submit').click();
    await page.getByTestId('signup-email-error').waitFor();
    await page.getByTestId('signup-repeat-error').waitFor();
    await page.getByTestId('signup-email').fill(email);
    await page.getByTestId('signup-password').fill('надёжный-пароль-1');
    await page.getByTestId('signup-repeat').fill('надёжный-пароль-1');
    await page.getByTestId('signup-submit').click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/account');
    await page.getByTestId('account').waitFor();
    expect(await page.locator('main').textContent()).toContain('Мои обращения');
  });

  it('sends the feedback form and shows the request number', async () => {
    await page.goto(`${server.baseUrl}/contact`);
    await page.getByTestId('portal-form').waitFor();
    // The server's checks land next to the fields: send it empty first.
    await page.getByTestId('portal-form-submit').click();
    await page.getByTestId('error-subject').waitFor();
    await page.locator('[data-field="subject"] input').fill(subject);
    await page
      .locator('[data-field="description"] textarea')
      .fill('Жму «Войти по ссылке», письмо не приходит уже час.');
    await page.getByTestId('portal-form-submit').click();
    const confirmation = page.getByTestId('form-confirmation');
    await confirmation.waitFor();
    const text = (await confirmation.textContent()) ?? '';
    expect(text).toMatch(/Обращение № \d+ принято\. Мы ответим в течение рабочего дня\./);
    requestNumber = /№ (\d+)/.exec(text)?.[1] ?? '';
    const follow = confirmation.getByRole('link', { name: 'Следить за статусом в личном кабинете' });
    requestId = decodeURIComponent((await follow.getAttribute('href'))?.split('/').pop() ?? '');
    expect(requestId).not.toBe('');
    await shoot('portal-account-confirmation');
  });

  it('lists the request in the personal account and updates it live when staff move it', async () => {
    await page.goto(`${server.baseUrl}/account`);
    const row = page.getByTestId('my-requests').locator('li', { hasText: subject });
    await row.waitFor();
    expect(await row.textContent()).toContain(`№ ${requestNumber}`);
    expect(await row.getByTestId('my-request-status').textContent()).toBe('Новое');
    // Marks this document: still there afterwards means nothing reloaded the page.
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const unreadBefore = Number(
      (await page.getByTestId('notification-count').count())
        ? await page.getByTestId('notification-count').textContent()
        : 0,
    );

    const record = await admin.getRecord('request', requestId);
    await admin.updateRecord('request', requestId, record.version, { status: 'in_progress' });

    await expect
      .poll(() => row.getByTestId('my-request-status').textContent(), { timeout: 15_000 })
      .toBe('В работе');
    await expect
      .poll(() => page.getByTestId('notification-count').textContent(), { timeout: 15_000 })
      .toBe(String(unreadBefore + 1));
    expect(await page.getByTestId('notification').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    await shoot('portal-account-requests');
  });

  it('shows the request with its history; opening it reads its notification', async () => {
    await page.getByTestId('my-requests').locator('a', { hasText: subject }).click();
    await page.getByTestId('my-request').waitFor();
    await expect.poll(() => page.getByTestId('my-request-status').textContent()).toBe('В работе');
    await expect.poll(() => page.getByTestId('request-history').textContent()).toContain('Новое → В работе');
    await expect.poll(() => page.getByTestId('notification-count').count(), { timeout: 10_000 }).toBe(0);
    const { unread } = await page.evaluate(() =>
      fetch('/api/v1/portal/my/notifications').then((r) => r.json() as Promise<{ unread: number }>),
    );
    expect(unread).toBe(0);
    await shoot('portal-account-request');
  });

  it('shows the specialist’s answer in the request’s thread live, and the client answers there', async () => {
    const answer = 'Проверили: письмо ушло в «Спам». Нажмите «Не спам» и войдите по ссылке.';
    await page.getByTestId('request-thread').waitFor();
    await admin.threads.answer('request', requestId, { text: answer });
    const thread = page.getByTestId('request-thread');
    await expect.poll(() => thread.textContent(), { timeout: 15_000 }).toContain(answer);
    await thread.locator('textarea').fill('Нашла письмо, всё получилось. Спасибо!');
    await thread.getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => thread.getByTestId('thread-message').count(), { timeout: 10_000 }).toBe(2);
    expect(await thread.getByTestId('thread-message').last().textContent()).toContain('Вы');
    expect(await thread.locator('textarea').inputValue()).toBe('');
    await shoot('portal-account-request-thread');
  });

  it("changes the password, ending the account's other sessions and keeping this one", async () => {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, `${server.baseUrl}/login`, email, 'надёжный-пароль-1', 'account');

    await page.getByTestId('change-password').click();
    await page.getByTestId('password-form').waitFor();
    await page.getByTestId('password-current').fill('не тот пароль');
    await page.getByTestId('password-password').fill('новый-пароль-2');
    await page.getByTestId('password-repeat').fill('новый-пароль-2');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-current-error').waitFor();
    await page.getByTestId('password-current').fill('надёжный-пароль-1');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-done').waitFor();
    await shoot('portal-account-password');

    const signedIn = (target: Page) => target.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.ok));
    expect(await signedIn(otherPage)).toBe(false);
    expect(await signedIn(page)).toBe(true);
    await other.close();
  });

  it('resets a forgotten password by mail; confirming the address brings in a request sent signed out', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await visitor.newPage();
    await other.goto(`${server.baseUrl}/login`);
    await other.getByTestId('forgot-link').waitFor();
    await shoot('portal-account-login', other);
    await other.getByTestId('forgot-link').click();
    await other.getByTestId('forgot-form').waitFor();
    await shoot('portal-account-forgot', other);
    await other.getByTestId('forgot-login').fill(email);
    await other.getByTestId('forgot-submit').click();
    expect(await other.getByTestId('forgot-sent').textContent()).toContain(
      'Если такой адрес зарегистрирован, мы отправили письмо',
    );
    await shoot('portal-account-forgot-sent', other);

    await other.goto(await mailedLink('/account/reset'));
    await other.getByTestId('reset-form').waitFor();
    await other.getByTestId('reset-password').fill('short');
    await other.getByTestId('reset-submit').click();
    await other.getByTestId('reset-password-error').waitFor();
    await shoot('portal-account-reset', other);
    await other.getByTestId('reset-password').fill('сброшенный-пароль-3');
    await other.getByTestId('reset-repeat').fill('сброшенный-пароль-3');
    await other.getByTestId('reset-submit').click();
    await other.getByTestId('reset-done').waitFor();
    // Every session of the account has ended, the one that changed the password before too.
    expect(await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.ok))).toBe(false);

    // Signed out, the client writes to support as a visitor, from the same address.
    const anonymous = `Вопрос без входа ${Date.now()}`;
    await other.goto(`${server.baseUrl}/contact`);
    await other.getByTestId('portal-form').waitFor();
    await other.locator('[data-field="subject"] input').fill(anonymous);
    await other.locator('[data-field="description"] textarea').fill('Пишу, не входя в кабинет.');
    await other.locator('[data-field="contactEmail"] input').fill(email);
    await other.getByTestId('portal-form-submit').click();
    await other.getByTestId('form-confirmation').waitFor();

    await signIn(other, `${server.baseUrl}/login`, email, 'сброшенный-пароль-3', 'account');
    await other.getByTestId('confirm-banner').waitFor();
    await shoot('portal-account-confirm-banner', other);
    await other.goto(await mailedLink('/account/confirm'));
    const outcome = other.getByTestId('confirm-email').locator('.banner');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('Адрес подтверждён.');
    await shoot('portal-account-email-confirmed', other);
    // Confirmed: the request sent without an account is the client's now.
    await other.goto(`${server.baseUrl}/account`);
    await other.getByTestId('my-requests').locator('li', { hasText: anonymous }).waitFor();
    expect(await other.getByTestId('confirm-banner').count()).toBe(0);
    await visitor.close();
  });
});

/**
 * «Мои задачи»: a process gives a signed-in client a task with the feedback form; the client opens it from the
 * account, fills the form and sends it, and the process moves on. Screenshots at 1280 and 375 px.
 */
describe('client tasks in the personal account in Chromium', () => {
  let page: Page;
  const key = `client-check-${Date.now()}`;
  const title = `Уточните обращение ${Date.now()}`;

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const created = await admin.createDefinition({
      kind: 'process',
      key,
      name: key,
      body: {
        schemaVersion: 2,
        title: { ru: 'Уточнение' },
        nodes: [
          { id: 'start', type: 'bpmn.startEvent', typeVersion: 1, config: { trigger: 'none' } },
          {
            id: 'fill',
            type: 'bpmn.userTask',
            typeVersion: 1,
            name: title,
            config: {
              assignee: { kind: 'expression', value: 'clientId' },
              form: 'feedback',
              dueInSeconds: 86_400,
            },
          },
          {
            id: 'check',
            type: 'bpmn.userTask',
            typeVersion: 1,
            config: { assignee: { kind: 'role', value: 'operator' } },
          },
          { id: 'end', type: 'bpmn.endEvent', typeVersion: 1, config: { result: 'none' } },
        ],
        flows: [
          { id: 'f1', source: 'start', target: 'fill' },
          { id: 'f2', source: 'fill', target: 'check' },
          { id: 'f3', source: 'check', target: 'end' },
        ],
      },
    } as Parameters<OporaClient['createDefinition']>[0]);
    await admin.publishDefinition(created.id, created.draftVersion);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('opens «Мои задачи», fills the task’s form and sends it; the process moves on', async () => {
    await page.goto(`${server.baseUrl}/login`);
    const email = `tasks.${Date.now()}@example.ru`;
    const userId = await page.evaluate(async (address) => {
      const res = await fetch('/api/v1/portal/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ольга Задачина', email: address, password: 'надёжный-пароль-1' }),
      });
      return ((await res.json()) as { user: { id: string } }).user.id;
    }, email);
    const started = await admin.request<{ id: string }>('POST', `/processes/${key}/instances`, {
      body: { variables: { clientId: userId } },
    });

    await page.goto(`${server.baseUrl}/account`);
    const row = page.getByTestId('my-tasks-section').getByTestId('my-task').filter({ hasText: title });
    await row.waitFor({ timeout: 15_000 });
    await page.getByTestId('my-tasks-section').getByRole('link', { name: 'Мои задачи' }).click();
    await page.getByTestId('my-tasks-page').waitFor();
    await shoot(page, 'portal-account-tasks');
    await page.getByTestId('my-task').filter({ hasText: title }).click();
    await page.getByTestId('my-task-form').waitFor();
    await page.locator('[data-field="subject"] input').fill('Номер договора 42-17');
    await page.locator('[data-field="description"] textarea').fill('Договор от 1 декабря, оплачен.');
    await shoot(page, 'portal-account-task');
    await page.getByTestId('my-task-send').click();
    await page.getByTestId('my-task-done').waitFor({ timeout: 15_000 });

    await expect
      .poll(
        async () =>
          (
            await admin.request<{ tokens: { nodeId: string }[] }>('GET', `/processes/instances/${started.id}`)
          ).tokens.map((t) => t.nodeId),
        { timeout: 15_000 },
      )
      .toEqual(['check']);
    const instance = await admin.request<{ variables: Record<string, unknown> }>(
      'GET',
      `/processes/instances/${started.id}`,
    );
    expect(instance.variables).toMatchObject({ subject: 'Номер договора 42-17' });
    await page.goto(`${server.baseUrl}/account/tasks`);
    await page
      .getByTestId('my-tasks-page')
      .locator('.empty-state, [data-testid="my-tasks"]')
      .first()
      .waitFor();
    expect(await page.getByTestId('my-task').filter({ hasText: title }).count()).toBe(0);
  });
});

async function shoot(target: Page, name: string) {
  for (const width of [1280, 375]) {
    await target.setViewportSize({ width, height: 900 });
    expect(await target.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await target.screenshot({ path: screenshotPath(`${name}-${width}`), fullPage: true });
  }
  await target.setViewportSize({ width: 1280, height: 900 });
}
