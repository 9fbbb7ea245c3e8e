import type { OporaClient, User } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** An approval process over requests: one approver, then the end (approved or not). */
const approvalProcess = (approverId: string) => ({
  schemaVersion: 2,
  title: { ru: 'Согласование обращения', en: 'Request approval' },
  entity: 'request',
  nodes: [
    { id: 'start', type: 'bpmn.startEvent', typeVersion: 1, config: { trigger: 'none' } },
    {
      id: 'approve',
      type: 'opora.approvalTask',
      typeVersion: 1,
      name: 'Согласовать обращение',
      config: {
        approvers: { kind: 'users', value: [approverId] },
        mode: 'sequential',
        rule: 'all',
        fourEyes: true,
        allowReturn: true,
        dueInSeconds: 86_400,
      },
    },
    { id: 'end', type: 'bpmn.endEvent', typeVersion: 1, config: { result: 'none' } },
  ],
  flows: [
    { id: 'start-approve', source: 'start', target: 'approve' },
    { id: 'approve-end', source: 'approve', target: 'end' },
  ],
});

/** A task for one person (or, with `role`, for anyone holding it) with a published form (or none). */
const formProcess = (assigneeId: string, role?: string) => ({
  schemaVersion: 2,
  title: { ru: 'Уточнение обращения', en: 'Request details' },
  nodes: [
    { id: 'start', type: 'bpmn.startEvent', typeVersion: 1, config: { trigger: 'none' } },
    {
      id: 'details',
      type: 'bpmn.userTask',
      typeVersion: 1,
      name: 'Уточнить детали',
      config: role
        ? { assignee: { kind: 'role', value: role } }
        : { assignee: { kind: 'user', value: assigneeId }, form: 'feedback' },
    },
    { id: 'end', type: 'bpmn.endEvent', typeVersion: 1, config: { result: 'none' } },
  ],
  flows: [
    { id: 'start-details', source: 'start', target: 'details' },
    { id: 'details-end', source: 'details', target: 'end' },
  ],
});

/**
 * The approver's path: a process with an approval step is published and started for a request through the API;
 * the approver opens «Мои задачи», sees the task with its badge, approves with a comment, and the request's card
 * shows the decision in «Лист согласования».
 */
describe('the task inbox in Chromium', () => {
  let admin: OporaClient;
  let browser: Browser;
  let page: Page;
  let approver: User;
  let record: { id: string; title: string };
  const approverLogin = { login: 'irina', password: 'approver-password-1' };

  beforeAll(async () => {
    admin = await adminApiClient(server);
    approver = await admin.createUser({ ...approverLogin, name: 'Ирина Котова', roles: ['operator'] });
    const created = await admin.createDefinition({
      kind: 'process',
      key: 'request-approval',
      name: 'Согласование обращения',
      body: approvalProcess(approver.id),
    });
    await admin.publishDefinition(created.id, created.draftVersion);
    const request = (await admin.listRecords('request', { limit: 1 })).items[0]!;
    record = { id: request.id, title: request.title };
    await admin.request('POST', '/processes/request-approval/instances', {
      body: { record: { entity: 'request', id: request.id } },
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the approver the task in «Мои задачи» with a badge', async () => {
    await signIn(
      page,
      `${server.baseUrl}/work/tasks`,
      approverLogin.login,
      approverLogin.password,
      'tasks-screen',
    );
    await expect.poll(() => page.getByTestId('tasks-badge').textContent()).toBe('1');
    const row = page.getByTestId('task-row').first();
    await expect.poll(() => row.textContent()).toContain('Согласовать обращение');
    expect(await row.textContent()).toContain('Согласование обращения');
    // The keyboard: j selects the first row, Enter opens it.
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByTestId('task-panel').waitFor();
    expect(page.url()).toMatch(/\/work\/tasks\/[0-9a-f-]+$/);
  });

  it('approves with a comment and the card shows the approval sheet', async () => {
    await page.getByTestId('task-row').first().getByRole('link', { name: 'Согласовать обращение' }).click();
    await page.getByTestId('task-panel').waitFor();
    // Reject needs a comment: without one nothing is sent.
    await page.getByTestId('task-reject').click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('нужен комментарий');
    await page.getByTestId('task-comment').fill('Проверила, всё верно');
    await page.screenshot({ path: screenshotPath('tasks-inbox-panel') });
    await page.getByTestId('task-approve').click();
    await expect.poll(() => page.getByTestId('task-notice').textContent()).toContain('задача выполнена');
    await expect.poll(() => page.getByTestId('task-outcome').textContent()).toBe('Согласовано');
    // The list and the badge follow: no open task is left.
    await expect.poll(() => page.getByTestId('tasks-empty').count()).toBe(1);
    await expect.poll(() => page.getByTestId('tasks-badge').count()).toBe(0);

    await page.getByTestId('task-record').click();
    await page.getByTestId('card-screen').waitFor();
    await page.getByTestId('tab-approvals').click();
    const sheet = page.getByTestId('approval-sheet');
    await expect.poll(() => sheet.textContent()).toContain('Ирина Котова');
    const text = await sheet.textContent();
    expect(text).toContain('Согласовано');
    expect(text).toContain('Проверила, всё верно');
    expect(text).toContain('Согласовать обращение');
    await page.screenshot({ path: screenshotPath('tasks-approval-sheet'), fullPage: true });
  });

  it('hears new tasks live and approves several at once', async () => {
    // The card stays open: the staff bar's badge counts the new tasks as they open, without a reload.
    const others = (await admin.listRecords('request', { limit: 3 })).items.filter((r) => r.id !== record.id);
    for (const other of others.slice(0, 2))
      await admin.request('POST', '/processes/request-approval/instances', {
        body: { record: { entity: 'request', id: other.id } },
      });
    await expect.poll(() => page.getByTestId('tasks-badge').textContent()).toBe('2');

    await page.getByTestId('nav-tasks').click();
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(2);
    await page.getByRole('checkbox', { name: 'Выбрать все, которые можно согласовать' }).check();
    await page.getByTestId('tasks-bulk-approve').click();
    await page.getByTestId('confirm').click();
    await expect
      .poll(() => page.getByTestId('tasks-bulk-summary').textContent())
      .toContain('Согласовано: 2.');
    await expect.poll(() => page.getByTestId('tasks-empty').count()).toBe(1);
    await expect.poll(() => page.getByTestId('tasks-badge').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('tasks-bulk-approved') });
  });

  it('stops an approval of a document changed meanwhile, then hands the task to a colleague', async () => {
    const colleague = await admin.createUser({
      login: 'oleg',
      password: 'approver-password-2',
      name: 'Олег Лебедев',
      roles: ['operator'],
    });
    await admin.request('POST', '/processes/request-approval/instances', {
      body: { record: { entity: 'request', id: record.id } },
    });
    const row = page.getByTestId('task-row').filter({ hasText: 'Согласовать обращение' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('link', { name: 'Согласовать обращение' }).click();
    await page.getByTestId('approval-actions').waitFor();
    // Someone edits the request while the approver reads it: the decision would be on another version.
    const current = await admin.getRecord('request', record.id);
    await admin.updateRecord('request', record.id, current.version, { priority: 'critical' });
    await page.getByTestId('task-comment').fill('Согласую');
    await page.getByTestId('task-approve').click();
    await expect
      .poll(() => page.getByTestId('task-problem').textContent())
      .toBe('Документ изменился — откройте его заново');
    await page.screenshot({ path: screenshotPath('tasks-document-changed') });

    await page.getByTestId('task-delegate-open').click();
    await page.locator('#task-delegate-to').fill('Олег');
    await page.getByRole('option', { name: 'Олег Лебедев' }).click();
    await page.getByTestId('task-delegate').click();
    await expect.poll(() => page.getByTestId('task-notice').textContent()).toContain('Олег Лебедев');
    await expect.poll(() => page.getByTestId('tasks-badge').count()).toBe(0);
    const theirs = await admin.request<{ items: { assignee: { value: string } }[] }>('GET', '/tasks', {
      query: { scope: 'team', status: 'open' },
    });
    expect(theirs.items.map((t) => t.assignee.value)).toContain(colleague.id);
  });

  it('fills a user task’s form and completes it: the entries become the process’s variables', async () => {
    const created = await admin.createDefinition({
      kind: 'process',
      key: 'request-details',
      name: 'Уточнение обращения',
      body: formProcess(approver.id),
    });
    await admin.publishDefinition(created.id, created.draftVersion);
    const instance = await admin.request<{ id: string }>('POST', '/processes/request-details/instances', {
      body: {},
    });
    const row = page.getByTestId('task-row').filter({ hasText: 'Уточнить детали' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('link', { name: 'Уточнить детали' }).click();
    await page.getByTestId('task-form').getByTestId('form-renderer').waitFor();
    await page.getByLabel('Тема').fill('Нужен доступ к отчётам');
    await page.getByLabel('Опишите, что случилось').fill('Отчёт за квартал не открывается');
    await page.screenshot({ path: screenshotPath('tasks-user-form') });
    await page.getByTestId('task-complete').click();
    await expect.poll(() => page.getByTestId('task-notice').textContent()).toContain('задача выполнена');
    const done = await admin.request<{ status: string; variables: Record<string, unknown> }>(
      'GET',
      `/processes/instances/${instance.id}`,
    );
    expect(done.status).toBe('completed');
    expect(done.variables).toMatchObject({ subject: 'Нужен доступ к отчётам' });
  });

  it('takes a task offered to a role, gives it back, takes it again and completes it', async () => {
    const created = await admin.createDefinition({
      kind: 'process',
      key: 'operators-check',
      name: 'Проверка операторами',
      body: formProcess(approver.id, 'operator'),
    });
    await admin.publishDefinition(created.id, created.draftVersion);
    await admin.request('POST', '/processes/operators-check/instances', { body: {} });
    const row = page.getByTestId('task-row').filter({ hasText: 'Проверка операторами' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Роль: оператор');
    await row.getByRole('link').first().click();
    await page.getByTestId('task-claim').click();
    await expect
      .poll(() => page.getByTestId('task-panel').textContent())
      .toContain('Взял в работу: Ирина Котова');
    await page.getByTestId('task-unclaim').click();
    await page.getByTestId('task-claim').click();
    await page.getByTestId('task-unclaim').waitFor();
    await page.getByTestId('task-complete').click();
    await expect.poll(() => page.getByTestId('task-notice').textContent()).toContain('задача выполнена');
    expect(await page.getByTestId('task-outcome').textContent()).toBe('Выполнено');
  });

  it('marks a late task in red, in the list and on the badge, and finds it with «Только просроченные»', async () => {
    const body = formProcess(approver.id, 'operator');
    const late = {
      ...body,
      nodes: body.nodes.map((n) =>
        n.id === 'details' ? { ...n, config: { ...n.config, dueInSeconds: 1 } } : n,
      ),
    };
    const created = await admin.createDefinition({
      kind: 'process',
      key: 'late-check',
      name: 'Срочная проверка',
      body: late,
    });
    await admin.publishDefinition(created.id, created.draftVersion);
    await admin.request('POST', '/processes/late-check/instances', { body: {} });
    await page.waitForTimeout(1500);
    await page.getByTestId('tasks-overdue-only').check();
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(1);
    expect(await page.getByTestId('overdue-mark').textContent()).toBe('Просрочено');
    await expect.poll(() => page.getByTestId('tasks-badge').getAttribute('class')).toContain('overdue');
    await page.screenshot({ path: screenshotPath('tasks-overdue') });
    await page.getByTestId('tasks-overdue-only').uncheck();
  });

  it('fits a phone: the list alone, then the task alone with a way back', async () => {
    await page.getByTestId('tasks-status').getByRole('button', { name: 'Выполненные' }).click();
    await expect.poll(() => page.getByTestId('task-row').count()).toBeGreaterThan(2);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('task-row').first().getByRole('link').first().click();
    await page.getByTestId('task-panel').waitFor();
    expect(await page.getByTestId('tasks-table').isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('tasks-phone-task'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('link', { name: 'К списку' }).click();
    await page.getByTestId('tasks-table').waitFor();
    await page.screenshot({ path: screenshotPath('tasks-phone-list'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
