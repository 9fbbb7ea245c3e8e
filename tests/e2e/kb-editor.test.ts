import { crc32, deflateSync } from 'node:zlib';
import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { watchCspViolations } from './support/csp-violations.js';
import { type RunningServer, startServer } from './support/server-process.js';

/** A small striped PNG, so the uploaded picture is visible in the screenshots. */
function stripedPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++)
      row.set(Math.floor(x / 20) % 2 ? [48, 86, 211] : [232, 237, 252], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The server and the browser share two busy cores with other suites: give asynchronous checks time. */
const eventually = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 15_000 });

const localInput = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/**
 * An admin writes a knowledge-base article in the designer: a category, a heading, a list, an uploaded image and
 * a video; saves, sends it to review, publishes it and looks at its versions; edits the synonyms and creates an
 * announcement. Screens at 1280 and 375 px.
 */
describe('knowledge base editor in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let cspViolations: () => string[];
  let api: OporaClient;
  let articleId = '';
  const category = 'Банковские карты E2E';
  const title = 'Как сбросить PIN-код карты';

  const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  beforeAll(async () => {
    server = await startServer();
    api = await adminApiClient(server);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    cspViolations = await watchCspViolations(page);
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-kb');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a category', async () => {
    await page.getByTestId('nav-kb-categories').click();
    await page.getByTestId('category-add').waitFor();
    await page.getByTestId('category-title-ru').fill(category);
    await page.getByTestId('category-title-en').fill('Bank cards E2E');
    await eventually(() => page.getByTestId('category-key').getAttribute('placeholder')).toBe(
      'bank-cards-e2e',
    );
    await page.getByTestId('category-submit').click();
    await eventually(() => page.getByTestId('category-tree').textContent()).toContain(category);
    await page.screenshot({ path: screenshotPath('kb-categories-1280'), fullPage: true });
  });

  it('writes an article with a heading, a list, an uploaded image and a video', async () => {
    await page.getByTestId('nav-kb').click();
    await page.getByTestId('kb-list').waitFor();
    await page.locator('[data-testid="article-row"], [data-testid="kb-empty"]').first().waitFor();
    await page.screenshot({ path: screenshotPath('kb-list-1280') });
    await page.getByTestId('create-article').click();
    await page.getByTestId('article-editor').waitFor();

    await page.getByTestId('article-title').fill(title);
    await eventually(() => page.getByTestId('article-key-input').getAttribute('placeholder')).toBe(
      'kak-sbrosit-pin-kod-karty',
    );
    await page.getByTestId('article-summary').fill('Что делать, если забыли PIN-код банковской карты.');
    await page.getByTestId('article-category').selectOption({ label: category });
    await page.getByTestId('tags-input').locator('input').fill('карта');
    await page.keyboard.press('Enter');

    const body = page.getByTestId('article-body');
    await body.click();
    await page.getByTestId('tool-h2').click();
    await page.keyboard.type('Сброс в приложении');
    await page.keyboard.press('Enter');
    await page.getByTestId('tool-bullet-list').click();
    await page.keyboard.type('Откройте раздел «Карты»');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Нажмите «Сменить PIN-код»');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Новый PIN-код действует сразу. Подробнее: ');
    await page.getByTestId('tool-link').click();
    await page.getByTestId('link-href').fill('/kb/kak-smenit-parol');
    await page.getByTestId('link-text').fill('как сменить пароль');
    await page.getByTestId('link-dialog-submit').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('tool-table').click();
    await page.keyboard.type('Банк');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Телефон');
    await page.getByTestId('tool-row-add').click();
    await page.getByTestId('tool-col-remove').click(); // the column of «Телефон»
    expect(await body.locator('table tr').count()).toBe(4);
    expect(await body.locator('table tr').first().locator('th').count()).toBe(2);
    await page.keyboard.press('Control+End');
    expect(await body.locator('h2').textContent()).toBe('Сброс в приложении');
    expect(await body.locator('ul li').count()).toBe(2);

    // A new article is saved (after asking) before its first file is stored.
    await page.getByTestId('image-input').setInputFiles({
      name: 'pin-screen.png',
      mimeType: 'image/png',
      buffer: stripedPng(320, 120),
    });
    await page.getByTestId('save-first-submit').click();
    await eventually(() => body.locator('img').count()).toBe(1);
    await eventually(() => page.url()).toMatch(/\/designer\/kb\/[0-9a-f-]{36}$/);
    articleId = page.url().split('/').pop()!;

    await page.getByTestId('tool-video').click();
    await page.getByTestId('video-url').fill('https://youtu.be/dQw4w9WgXcQ');
    await eventually(() => page.getByTestId('video-recognized').textContent()).toContain('YouTube');
    await page.getByTestId('video-dialog-submit').click();
    await eventually(() => body.getByTestId('kb-video').count()).toBe(1);

    await page.keyboard.press('Control+s');
    await eventually(() => page.getByTestId('article-notice').textContent()).toBe('Статья сохранена');
    await eventually(() => page.getByTestId('save-article').isDisabled()).toBe(true);

    const saved = await api.kb.get(articleId);
    expect(saved.key).toBe('kak-sbrosit-pin-kod-karty');
    expect(saved.tags).toEqual(['карта']);
    expect(saved.body).toContain('<h2>Сброс в приложении</h2>');
    expect(saved.body).toMatch(/<ul>\s*<li>/);
    expect(saved.body).toMatch(/<img [^>]*src="[^"]+"/);
    expect(saved.body).toContain('src="https://www.youtube.com/embed/dQw4w9WgXcQ"');
    expect(saved.body).toContain('<a href="/kb/kak-smenit-parol">как сменить пароль</a>');
    // «− столбец» removed the column with the cursor in it.
    expect(saved.body).toContain('<th><p>Банк</p></th>');
    expect(saved.body).not.toContain('Телефон');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('kb-article-editor-1280'), fullPage: true });
  });

  it('sends the article to review, publishes it and shows its versions', async () => {
    await page.getByTestId('move-review').click();
    await page.getByTestId('move-dialog-submit').click();
    await eventually(() => page.getByTestId('article-state').first().textContent()).toBe('На проверке');
    await page.getByTestId('move-published').click();
    await page.getByTestId('move-dialog-submit').click();
    await eventually(() => page.getByTestId('article-state').first().textContent()).toBe('Опубликована');
    expect(await page.getByTestId('portal-link').getAttribute('href')).toBe('/kb/kak-sbrosit-pin-kod-karty');
    expect((await api.kb.get(articleId)).state).toBe('published');

    await page.getByTestId('tab-versions').click();
    await page.getByTestId('versions-tab').waitFor();
    await eventually(() => page.getByTestId('version-row').count()).toBeGreaterThanOrEqual(3);
    const versions = await page.getByTestId('versions-tab').textContent();
    expect(versions).toContain('Создана');
    expect(versions).toContain('Состояние: Опубликована');
    await page.getByTestId('version-view').last().click();
    await page.getByTestId('version-view-panel').waitFor();
    expect(await page.getByTestId('version-view-panel').textContent()).toContain(title);
    await page.screenshot({ path: screenshotPath('kb-article-versions-1280'), fullPage: true });
  });

  it('refuses to overwrite a change made meanwhile, and reloads it', async () => {
    await page.getByTestId('tab-article').click();
    const current = await api.kb.get(articleId);
    const { id: _id, key: _key, state: _state, related, version, ...rest } = current;
    await api.kb.update(articleId, {
      title: rest.title,
      summary: 'Изменено в другом окне.',
      body: rest.body,
      categoryId: rest.categoryId,
      tags: rest.tags,
      audience: rest.audience,
      related: related.map((r) => r.id),
      version,
    });
    await page.getByTestId('article-summary').fill('Моя правка.');
    await page.getByTestId('save-article').click();
    await eventually(() => page.getByTestId('conflict').textContent()).toContain(
      'Статью уже изменил кто-то другой',
    );
    await page.getByTestId('conflict').getByRole('button').click();
    await eventually(() => page.getByTestId('article-summary').inputValue()).toBe('Изменено в другом окне.');
    expect(await page.getByTestId('conflict').count()).toBe(0);
  });

  it('shows search gaps: write an article for one, dismiss it', async () => {
    const query = 'зюзюблик квакозябра';
    const result = await api.kb.search({ q: query });
    expect(result.total).toBe(0);
    // A question the articles only brush against is a gap too, with what its askers were shown.
    const weakQuery = 'промокод не работает';
    expect((await api.kb.search({ q: weakQuery })).exactAnswer).toBe(false);
    await page.getByTestId('nav-kb-gaps').click();
    const row = page.getByTestId('gap-row').filter({ hasText: query });
    await eventually(() => row.count()).toBe(1);
    const weakRow = page.getByTestId('gap-row').filter({ hasText: weakQuery });
    await eventually(() => weakRow.getAttribute('data-kind')).toBe('weak');
    expect(await weakRow.locator('.kb-gap-shown li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('kb-gaps-1280') });
    await page.getByTestId('gap-kind-filter').selectOption('weak');
    await eventually(() => row.count()).toBe(0);
    expect(await weakRow.count()).toBe(1);
    await page.getByTestId('gap-kind-filter').selectOption('');
    await eventually(() => row.count()).toBe(1);
    await row.getByRole('button', { name: 'Написать статью' }).click();
    await eventually(() => page.getByTestId('article-title').inputValue()).toBe('Зюзюблик квакозябра');
    await page.goBack();
    await row.getByRole('button', { name: 'Убрать' }).click();
    await page.getByTestId('confirm-yes').click();
    await eventually(() => row.count()).toBe(0);
  });

  it('edits the synonyms, with errors named by line', async () => {
    await page.getByTestId('nav-kb-synonyms').click();
    const text = page.getByTestId('synonyms-editor').locator('textarea');
    await text.waitFor();
    const before = await text.inputValue();
    await text.fill(`${before ? `${before}\n` : ''}пин-код, pin, пин\nзаморозка`);
    const line = (before ? before.split('\n').length : 0) + 2;
    await eventually(() => page.getByTestId('synonym-problems').textContent()).toContain(
      `Строка ${line}: нужно хотя бы два разных слова`,
    );
    expect(await page.getByTestId('synonyms-save').isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('kb-synonyms-errors-1280') });
    await text.fill(`${before ? `${before}\n` : ''}пин-код, PIN, пин\nзаморозка, блокировка`);
    await page.getByTestId('synonyms-save').click();
    await eventually(() => page.getByTestId('synonyms-notice').textContent()).toContain('Синонимы сохранены');
    const groups = (await api.kb.synonyms()).items.map((g) => g.terms);
    expect(groups).toContainEqual(['пин-код', 'pin', 'пин']);
    await page.screenshot({ path: screenshotPath('kb-synonyms-1280') });
  });

  it('creates an announcement, refusing an end before the start', async () => {
    await page.getByTestId('nav-announcements').click();
    await page.getByTestId('announcements').waitFor();
    await page.getByTestId('create-announcement').click();
    const form = page.getByTestId('announcement-form');
    await page.getByTestId('announcement-title').fill('Плановые работы в мобильном банке');
    await form.getByLabel('Плановые работы').check();
    const start = new Date(Date.now() - 10 * 60_000);
    await page.getByTestId('announcement-starts').fill(localInput(start));
    await page.getByTestId('announcement-ends').fill(localInput(new Date(start.getTime() - 3_600_000)));
    await eventually(() => form.textContent()).toContain('Окончание не может быть раньше начала');
    await page.getByTestId('announcement-ends').fill(localInput(new Date(start.getTime() + 2 * 3_600_000)));
    await page.getByTestId('announcement-body').click();
    await page.keyboard.type('Приложение может быть недоступно до 30 минут.');
    await page.getByTestId('announcement-submit').click();
    await eventually(() => form.count()).toBe(0);
    const row = page.getByTestId('announcement-row').filter({ hasText: 'Плановые работы в мобильном банке' });
    await eventually(() => row.getByTestId('announcement-phase').textContent()).toBe('Действует');
    await page.screenshot({ path: screenshotPath('kb-announcements-1280') });
  });

  it('reorders, moves and deletes categories; refuses to delete one in use', async () => {
    await page.getByTestId('nav-kb-categories').click();
    const rows = page.getByTestId('category-row');
    await rows.first().waitFor();
    const titles = async () => (await rows.locator('.kb-tree-title').allTextContents()).map((t) => t.trim());
    const before = (await titles()).indexOf(category);
    await page.getByRole('button', { name: `Поднять «${category}»` }).click();
    await eventually(async () => (await titles()).indexOf(category)).toBeLessThan(before);

    await rows.filter({ hasText: category }).getByTestId('category-edit-open').click();
    const edit = page.getByTestId('category-edit');
    await edit.getByTestId('category-parent').selectOption({ label: 'Оплата' });
    await edit.getByTestId('category-submit').click();
    await eventually(() => edit.count()).toBe(0);
    const all = (await api.kb.categories()).items;
    const moved = all.find((c) => c.title.ru === category)!;
    expect(all.find((c) => c.id === moved.parentId)?.key).toBe('payment');

    const deliveryRow = rows.filter({ has: page.locator('.kb-tree-title', { hasText: /^Доставка$/ }) });
    await deliveryRow.getByRole('button', { name: 'Удалить' }).click();
    await page.getByTestId('confirm-yes').click();
    await eventually(() => deliveryRow.getByTestId('category-error').count()).toBe(1);
    expect(await deliveryRow.count()).toBe(1);
    await page.screenshot({ path: screenshotPath('kb-categories-refused-1280') });

    await page.getByTestId('category-title-ru').fill('Удаляемый раздел E2E');
    await page.getByTestId('category-submit').click();
    const doomed = rows.filter({ hasText: 'Удаляемый раздел E2E' });
    await eventually(() => doomed.count()).toBe(1);
    await doomed.getByRole('button', { name: 'Удалить' }).click();
    await page.getByTestId('confirm-yes').click();
    await eventually(() => doomed.count()).toBe(0);
  });

  it('shows other staff the articles read-only', async () => {
    await api.createUser({
      login: 'operator1',
      name: 'Ольга Смирнова',
      password: 'operator-password',
      roles: ['operator'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await context.newPage();
    await other.goto(`${server.baseUrl}/designer/kb`);
    await other.getByTestId('login-input').fill('operator1');
    await other.getByTestId('password-input').fill('operator-password');
    await other.getByTestId('login-submit').click();
    await other.getByTestId('article-row').first().waitFor();
    expect(await other.getByTestId('create-article').count()).toBe(0);
    await other.goto(`${server.baseUrl}/designer/kb/${articleId}`);
    await other.getByTestId('article-editor').waitFor();
    expect(await other.getByTestId('article-title').isDisabled()).toBe(true);
    expect(await other.getByTestId('save-article').count()).toBe(0);
    expect(await other.getByTestId('article-body').getAttribute('contenteditable')).toBe('false');
    await context.close();
  });

  it('is usable at 375 px', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const screens: [string, string, string][] = [
      [`/designer/kb/${articleId}`, 'article-editor', 'kb-article-editor-375'],
      ['/designer/kb', 'kb-list', 'kb-list-375'],
      ['/designer/kb/categories', 'kb-categories', 'kb-categories-375'],
      ['/designer/kb/gaps', 'kb-gaps', 'kb-gaps-375'],
      ['/designer/announcements', 'announcements', 'kb-announcements-375'],
    ];
    for (const [path, testId, shot] of screens) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByTestId(testId).waitFor();
      await page.waitForTimeout(300);
      expect(await noSideScroll(), path).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(shot), fullPage: true });
    }
    await page.goto(`${server.baseUrl}/designer/announcements`);
    await page.getByTestId('create-announcement').click();
    await page.getByTestId('announcement-form').waitFor();
    await page.screenshot({ path: screenshotPath('kb-announcement-form-375') });
  });

  it('runs TipTap, uploads and video embeds under the Content-Security-Policy: nothing refused', () => {
    expect(cspViolations()).toEqual([]);
  });
});
