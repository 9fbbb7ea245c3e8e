import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/** An analyst's path: a new line for warranty questions, routed by keywords, working weekdays in Moscow. */
describe('line designer in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: OporaClient;

  beforeAll(async () => {
    server = await startServer();
    api = await adminApiClient(server);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-line');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a line with a keyword rule and hours, is told a bad interval at its place, publishes', async () => {
    await page.getByTestId('nav-line').click();
    // The template's lines are listed.
    await page.getByText('Бухгалтерия').first().waitFor();
    await page.getByTestId('create-definition').click();
    await page.getByTestId('definition-name').fill('Гарантия и ремонт');
    await page.getByTestId('definition-key').fill('warranty');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('line-form').waitFor();
    expect(await page.getByTestId('line-title-ru').inputValue()).toBe('Гарантия и ремонт');

    await page.getByTestId('line-channel-site-chat').check();
    await page.getByTestId('line-order').fill('30');
    await page.getByTestId('line-rule-add').click();
    const keywords = page.getByTestId('line-rule-keywords-input');
    for (const word of ['гарантия', 'ремонт', 'сервисный центр']) {
      await keywords.fill(word);
      await keywords.press('Enter');
    }
    // A sample message in other word forms is taken by the rule, as routing will take it.
    await page.getByTestId('line-rule-sample').fill('Телефон на гарантии, нужен ремонтом заняться');
    await expect
      .poll(() => page.getByTestId('line-rule-sample-result').textContent())
      .toContain('Подходят правила: 1');
    await page.getByTestId('line-rule-match').waitFor();
    await page.getByTestId('line-groups-input').fill('first-line');
    await page.getByTestId('line-groups-input').press('Enter');
    await page.getByTestId('line-capacity').fill('4');

    await page.getByTestId('line-scheduled').check();
    expect(await page.getByTestId('line-time-zone').inputValue()).toBe('Europe/Moscow');
    // Monday until 8:00 while it starts at 9:00: the interval is refused where it is, before anything is sent.
    const monday = page.getByTestId('line-day-1');
    await monday.getByTestId('line-interval-to').fill('08:00');
    await expect
      .poll(() => monday.getByTestId('line-interval-error').textContent())
      .toContain('кончается не позже, чем начинается');
    await page.getByTestId('publish-definition').click();
    await page.locator('.banner.error').waitFor();
    expect(await page.getByTestId('publish-result').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('line-bad-interval'), fullPage: true });

    await monday.getByTestId('line-interval-to').fill('17:00');
    await expect.poll(() => monday.getByTestId('line-interval-error').count()).toBe(0);
    await page
      .getByTestId('line-out-of-hours-ru')
      .fill('Мастера отвечают по будням. Мы вернёмся {resumesAt}. Можно оставить заявку.');
    await page.getByTestId('line-max-queue').fill('20');
    await page.getByTestId('line-queue-full-ru').fill('Очередь заполнена, оставьте заявку.');
    await page.getByTestId('line-sla-first-response').fill('5');
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 20_000 })
      .toContain('Опубликована версия 1');
    await page.screenshot({ path: screenshotPath('line-published-1280'), fullPage: true });

    const [line] = (await api.listDefinitions({ kind: 'line', q: 'warranty' })).items;
    const body = (await api.getVersion(line!.id, 1)).body as Record<string, unknown>;
    expect(body).toMatchObject({
      channels: ['site-chat'],
      order: 30,
      rules: [{ id: 'r1', keywords: ['гарантия', 'ремонт', 'сервисный центр'] }],
      groups: ['first-line'],
      capacity: 4,
      hours: { timeZone: 'Europe/Moscow' },
      outOfHours: { offerRequest: true },
      maxQueue: 20,
      sla: { firstResponseSeconds: 300 },
    });
    expect((body.hours as { week: unknown[] }).week).toContainEqual({ day: 1, from: '09:00', to: '17:00' });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByTestId('line-form').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('line-form-375'), fullPage: true });
  });
});
