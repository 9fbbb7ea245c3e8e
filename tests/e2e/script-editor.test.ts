import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { watchCspViolations } from './support/csp-violations.js';
import { type RunningServer, startServer } from './support/server-process.js';

const broken = `export default async function run(ctx: ScriptContext<{ name: string }>) {
  const greeting: number = 'Привет, ' + ctx.input.name;
  ctx.log.info('greeting', greeting);
  return { greeting };
}
`;
const fixed = broken.replace('const greeting: number', 'const greeting: string');

/** A developer writes a script in Monaco, sees a type error, fixes it, test-runs it and publishes it. */
describe('script editor in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let cspViolations: () => string[];

  /**
   * Replaces the whole source the way a developer pastes code: select all, paste. Pasting (not typing) keeps
   * Monaco's auto-closing brackets from doubling the braces of a whole function.
   */
  async function typeSource(source: string) {
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.evaluate((text) => navigator.clipboard.writeText(text), source);
    await page.keyboard.press('Control+V');
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await context.newPage();
    cspViolations = await watchCspViolations(page);
    await signIn(page, `${server.baseUrl}/designer/`, 'admin', server.adminPassword, 'nav-script');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens a new script in Monaco with the SDK types loaded', async () => {
    await page.getByTestId('nav-script').click();
    await page.getByTestId('create-definition').click();
    await page.getByTestId('definition-key').fill('greet');
    await page.getByTestId('definition-name').fill('Приветствие клиента');
    await page.getByTestId('create-submit').click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await expect
      .poll(() => page.getByTestId('type-status').textContent(), { timeout: 30_000 })
      .toContain('Ошибок типов нет');

    // Autocomplete on ctx. lists the SDK.
    await typeSource('export default async function run(ctx: ScriptContext) {\n  ctx.');
    // Ask again while the widget is not up: on a busy machine the first request can land before the
    // TypeScript worker has taken in the pasted text.
    const suggestions = page.locator('.suggest-widget');
    await expect
      .poll(
        async () => {
          if (!(await suggestions.isVisible())) await page.keyboard.press('Control+Space');
          return suggestions.textContent({ timeout: 2000 }).catch(() => '');
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toContain('records');
    expect(await suggestions.textContent()).toContain('http');
    await page.screenshot({ path: screenshotPath('script-editor-autocomplete') });
    await page.keyboard.press('Escape');
    // Monaco's own widgets speak Russian too.
    await page.keyboard.press('Control+F');
    await expect
      .poll(() => page.locator('.find-widget [placeholder]').first().getAttribute('placeholder'))
      .toBe('Найти');
    await page.keyboard.press('Escape');
  });

  it('keeps every keystroke typed at a human pace', async () => {
    const editorText = async () =>
      ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    // As on a busy laptop: renders trail the keystrokes.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    try {
      await page.keyboard.type('const a = 1;', { delay: 120 });
      await expect.poll(editorText).toBe('const a = 1;');
      // A stale render landing late would still reset the text: it must hold.
      await page.waitForTimeout(1000);
      expect(await editorText()).toBe('const a = 1;');
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    }
  });

  it('shows a type error live in Russian, then clears it when fixed', async () => {
    await typeSource(broken);
    await expect
      .poll(() => page.getByTestId('type-status').textContent(), { timeout: 20_000 })
      .toMatch(/2:\d+.*Ошибка TS2322: Тип «string» нельзя присвоить типу «number»/);
    // The squiggle's own tooltip says the same.
    await page.locator('.squiggly-error').first().hover({ force: true });
    await expect
      .poll(() => page.locator('.monaco-hover').first().textContent())
      .toContain('Тип «string» нельзя присвоить типу «number»');
    await page.screenshot({ path: screenshotPath('script-editor-hover') });
    // A test-run does not wait for the types: it runs, and its figures are in Russian units.
    await page.getByTestId('sample-input').fill('{ "name": "Мария" }');
    await page.getByTestId('test-run').click();
    await expect
      .poll(() => page.getByTestId('run-stats').textContent(), { timeout: 30_000 })
      .toMatch(/мс · ЦП [\d,]+ мс · память [\d,\s]+ (КБ|МБ) · вызовов SDK: 0/);
    await page.screenshot({ path: screenshotPath('script-editor-type-error') });
    await typeSource(fixed);
    await expect
      .poll(() => page.getByTestId('type-status').textContent(), { timeout: 20_000 })
      .toContain('Ошибок типов нет');
  });

  it('test-runs the script with sample input and shows output and logs', async () => {
    await page.getByTestId('sample-input').fill('{ "name": "Мария" }');
    await page.getByTestId('test-run').click();
    await expect
      .poll(() => page.getByTestId('run-output').textContent(), { timeout: 30_000 })
      .toContain('Привет, Мария');
    expect(await page.getByTestId('run-logs').textContent()).toContain('greeting Привет, Мария');
    await page.screenshot({ path: screenshotPath('script-editor-test-run') });
  });

  it('shows a runtime error at its TypeScript line', async () => {
    await typeSource(fixed.replace("ctx.log.info('greeting', greeting);", "throw new Error('нет имени');"));
    await page.getByTestId('test-run').click();
    await expect
      .poll(() => page.getByTestId('run-error').textContent(), { timeout: 30_000 })
      .toContain('строка 3');
    await typeSource('export default function run() {\n  return 1 +;\n}');
    await page.getByTestId('test-run').click();
    await expect
      .poll(() => page.getByTestId('run-problems').textContent(), { timeout: 30_000 })
      .toContain('строка 2 Синтаксическая ошибка: Неожиданное «;»');
    await page.screenshot({ path: screenshotPath('script-editor-compile-error') });
    await typeSource(fixed);
  });

  it('saves and publishes the script', async () => {
    await page.getByTestId('publish-definition').click();
    await expect
      .poll(() => page.getByTestId('publish-result').textContent(), { timeout: 30_000 })
      .toContain('Опубликована версия 1');
  });

  it('runs Monaco, its workers and fonts under the Content-Security-Policy: nothing refused', () => {
    expect(cspViolations()).toEqual([]);
  });
});
