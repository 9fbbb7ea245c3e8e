import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

const subject = 'Не приходит чек после оплаты заказа 7731';

/**
 * An operator works in the screens generated from the support-desk template: creates an «Обращение» with its
 * create form, meets a field error from the server, fixes it, lands on the card and finds the request again.
 */
describe('generated work screens in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: OporaClient;

  beforeAll(async () => {
    server = await startServer();
    api = await adminApiClient(server);
    await api.createUser({
      login: 'operator1',
      name: 'Ольга Смирнова',
      password: 'operator-password',
      roles: ['operator'],
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = async (page: Page, next: string) => {
    await page.goto(`${server.baseUrl}/login?next=${encodeURIComponent(next)}`);
    await page.getByTestId('login-input').fill('operator1');
    await page.getByTestId('password-input').fill('operator-password');
    await page.getByTestId('login-submit').click();
  };
  const noSideScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('creates a request through the create form, fixing what the browser and then the server refuse', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const submits: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/submit')) submits.push(r.url());
    });
    await signIn(page, '/work/request/new');
    await page.getByTestId('create-screen').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Новое обращение');

    // The browser checks first with the shared runtime: nothing is sent while required fields are empty.
    await page.getByTestId('save').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-subject').textContent()).toBe('Заполните поле «Тема»');
    expect(await page.getByTestId('error-description').textContent()).toBe('Заполните поле «Описание»');
    expect(submits).toEqual([]);

    await page.getByLabel('Тема').fill(subject);
    expect(await page.getByTestId('error-subject').count()).toBe(0);
    await page
      .getByLabel('Описание')
      .fill('Оплатила заказ картой, деньги списались, а чек на почту так и не пришёл.');
    await page.getByLabel('Клиент').fill('Орло');
    await page.getByRole('option', { name: /Орлова Анна/ }).click();
    await page.getByLabel('Приоритет').selectOption('high');

    // Meanwhile a colleague deletes that client: only the server can know, and says so next to the field.
    const orlova = (await api.listRecords('client', { q: 'Орлова' })).items[0]!;
    await api.deleteRecord('client', orlova.id, orlova.version);
    await page.getByTestId('save').click();
    await page.getByTestId('error-client').waitFor();
    expect(await page.getByTestId('error-client').textContent()).toBe(
      '«Клиент»: выбранная запись удалена или не найдена — выберите другую',
    );
    expect(await page.getByTestId('error-summary').textContent()).toContain('выберите другую');
    expect(submits).toHaveLength(1);
    expect(page.url()).toContain('/work/request/new');
    await page.screenshot({ path: screenshotPath('work-create-error-1280'), fullPage: true });

    await page.getByRole('button', { name: 'Убрать' }).click();
    await page.getByLabel('Клиент').fill('Волк');
    await page.getByRole('option', { name: /Волков Сергей/ }).click();
    await page.getByLabel('Вложения').setInputFiles({
      name: 'чек.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 чек'),
    });
    await page.getByRole('link', { name: 'чек.pdf' }).waitFor();
    await page.getByTestId('save').click();

    await page.getByTestId('card-screen').waitFor();
    expect(page.url()).toMatch(/\/work\/request\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('card-title').textContent()).toBe(subject);
    expect(await page.getByTestId('flash').textContent()).toMatch(/^Создано: Обращение №\d+$/);
    expect(await page.getByTestId('value-client').textContent()).toContain('Волков Сергей Андреевич');
    expect(await page.getByTestId('value-status').textContent()).toBe('Новое');
    await page.screenshot({ path: screenshotPath('work-card-1280'), fullPage: true });
    await page.getByRole('tab', { name: 'Подробности' }).click();
    const file = page.getByTestId('value-attachments').getByRole('link', { name: 'чек.pdf' });
    const download = await page.request.get(new URL((await file.getAttribute('href'))!, server.baseUrl).href);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe('%PDF-1.4 чек');

    // Editing offers only the moves the status model allows from «Новое».
    await page.getByTestId('edit').click();
    const statuses = await page.getByLabel('Статус').locator('option').allTextContents();
    expect(statuses).toEqual(['Новое', 'В работе', 'Отклонено']);
    await page.getByLabel('Статус').selectOption('in_progress');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('value-status').textContent()).toBe('В работе');
    await page.getByRole('tab', { name: 'История' }).click();
    await page.getByTestId('history').waitFor();
    expect(await page.getByTestId('history').textContent()).toContain('Статус: Новое → В работе');
    await page.close();
  });

  it('finds the request in the list by full-text search and opens it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, '/work/request');
    await page.getByTestId('list-screen').waitFor();
    await expect.poll(() => page.getByTestId('record-row').count()).toBeGreaterThan(5);
    await page.getByTestId('list-search').fill('чек 7731');
    await expect.poll(() => page.getByTestId('record-row').count()).toBe(1);
    expect(page.url()).toContain('q=');
    expect(await page.getByTestId('total').textContent()).toBe('Найдено: 1');
    await page.screenshot({ path: screenshotPath('work-list-1280') });
    await page.getByRole('link', { name: subject }).click();
    await page.getByTestId('card-screen').waitFor();
    expect(await page.getByTestId('card-title').textContent()).toBe(subject);
    await page.close();
  });

  it('tells an editor that someone changed the record meanwhile, and reloads it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const request = (await api.listRecords('request', { q: '7731' })).items[0]!;
    await signIn(page, `/work/request/${request.id}`);
    await page.getByTestId('edit').click();
    await page.getByLabel('Тема').fill(`${subject} (уточнено)`);
    await api.updateRecord('request', request.id, request.version, { priority: 'critical' });
    await page.getByTestId('save').click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('conflict').textContent()).toContain('Кто-то изменил эту запись');
    await page.getByRole('button', { name: 'Загрузить актуальную версию' }).click();
    await expect.poll(() => page.getByTestId('conflict').count()).toBe(0);
    expect(await page.getByLabel('Приоритет').inputValue()).toBe('critical');
    await page.getByLabel('Тема').fill(`${subject} (уточнено)`);
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('card-title').textContent()).toBe(`${subject} (уточнено)`);
    await page.close();
  });

  it('shows the client’s requests on the designed client card', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const volkov = (await api.listRecords('client', { q: 'Волков' })).items[0]!;
    await signIn(page, `/work/client/${volkov.id}`);
    await page.getByTestId('card-screen').waitFor();
    const requests = page.getByTestId('related-requests');
    await expect.poll(() => requests.textContent()).toContain(subject);
    expect(await requests.textContent()).toContain('Обращения клиента');
    await page.screenshot({ path: screenshotPath('work-client-card-1280'), fullPage: true });
    await page.close();
  });

  it('saves a filtered, sorted view and changes the status of the records it shows in bulk', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, '/work/request');
    await page.getByTestId('list-screen').waitFor();
    await page.getByRole('button', { name: 'Фильтры' }).click();
    await page.getByLabel('Поле').selectOption('status');
    await page.getByTestId('filters').getByLabel('Новое').check();
    await expect.poll(() => page.getByTestId('record-row').count()).toBe(3);
    await page.getByRole('button', { name: 'Приоритет' }).click();
    await expect.poll(() => page.url()).toContain('sort=priority');
    await page.getByTestId('view-actions').click();
    await page.getByTestId('view-new').click();
    await page.getByTestId('view-name').fill('Новые обращения');
    await page.getByTestId('view-save').click();
    await expect
      .poll(() => page.getByTestId('views').locator('option:checked').textContent())
      .toBe('Новые обращения');
    await page.screenshot({ path: screenshotPath('work-list-view-1280') });

    await page.goto(`${server.baseUrl}/work/request`);
    await expect.poll(() => page.getByTestId('record-row').count()).toBeGreaterThan(3);
    await page.getByTestId('views').selectOption({ label: 'Новые обращения' });
    await expect.poll(() => page.getByTestId('record-row').count()).toBe(3);

    await page.getByLabel('Выбрать все на странице').check();
    await page.getByTestId('bulk-bar').getByRole('combobox').selectOption('in_progress');
    await expect.poll(() => page.getByTestId('flash').textContent()).toBe('Изменено записей: 3.');
    await expect.poll(() => page.getByTestId('empty').count()).toBe(1);
    await page.close();
  });

  it('lists what is assigned to the operator under «На мне», with its count, also on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, '/operator');
    await page.getByTestId('operator-window').waitFor();
    await expect.poll(() => page.getByTestId('queue-count-mine').textContent()).toBe('0');

    // The operator takes a request on its card: the request type's «Ответственный» field.
    const request = (await api.listRecords('request', { q: '7731' })).items[0]!;
    await page.goto(`${server.baseUrl}/work/request/${request.id}`);
    await page.getByTestId('edit').click();
    await page.getByLabel('Ответственный').fill('Ольга');
    await page.getByRole('option', { name: /Ольга Смирнова/ }).click();
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('value-assignee').textContent()).toContain('Ольга Смирнова');

    await page.getByTestId('work-bar').getByRole('link', { name: 'Рабочее место' }).click();
    await expect.poll(() => page.getByTestId('queue-count-mine').textContent()).toBe('1');
    await page.getByTestId('queue-mine').click();
    await expect.poll(() => page.getByTestId('request-row').count()).toBe(1);
    expect(await page.getByTestId('request-row').textContent()).toContain(subject);
    await page.screenshot({ path: screenshotPath('operator-mine-1280') });

    // On a phone every section of the staff bar stays on screen, and nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    const offScreen = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="work-bar"] a'))
        .filter((a) => a.getBoundingClientRect().right > window.innerWidth)
        .map((a) => a.textContent),
    );
    expect(offScreen).toEqual([]);
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('operator-mine-375') });
    await page.close();
  });

  it('fits a phone: the create form stacks, the list turns into cards', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await signIn(page, '/work/request/new');
    await page.getByTestId('create-screen').waitFor();
    await page.getByTestId('save').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    // The summary took focus (and scrolled to it); a full-page picture is taken from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('work-create-375'), fullPage: true });

    await page.goto(`${server.baseUrl}/work/request?q=${encodeURIComponent('чек 7731')}`);
    await expect.poll(() => page.getByTestId('record-row').count()).toBe(1);
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('work-list-375'), fullPage: true });

    await page.getByRole('link', { name: subject }).click();
    await page.getByTestId('card-screen').waitFor();
    await expect.poll(() => page.getByTestId('value-client').textContent()).toContain('Волков');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('work-card-375'), fullPage: true });
    await page.close();
  });
});
