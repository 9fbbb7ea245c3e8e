import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type LaunchOptions, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumEndpointKey } from './chromium-endpoint.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../artifacts');

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function chromiumOptions(): LaunchOptions {
  if (!existsSync(chromiumPath))
    throw new Error(
      `Chromium not found at ${chromiumPath}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`,
    );
  return {
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  };
}

/** The endpoint of the Chromium the e2e project's global setup started, when running inside that project. */
function sharedEndpoint(): string | undefined {
  try {
    return inject(chromiumEndpointKey);
  } catch {
    // Not inside a vitest worker (a benchmark script importing this file): there is nothing to share.
    return undefined;
  }
}

/**
 * A browser for one test file: a connection to the one Chromium the e2e project started (see
 * `chromium-server.ts`), else a Chromium of its own. Closing it closes the contexts and pages this file made and,
 * when connected, only disconnects, leaving the shared Chromium to the other files.
 */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  const endpoint = sharedEndpoint();
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch(chromiumOptions());
}

export const screenshotPath = (name: string): string => join(artifactsDir, `${name}.png`);

/** Opens `url`, signs in on the login form it shows, and waits for `readyTestId` on the page behind it. */
export async function signIn(
  page: Page,
  url: string,
  login: string,
  password: string,
  readyTestId: string,
): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-input').fill(login);
  await page.getByTestId('password-input').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(readyTestId).waitFor();
}

/** A real pointer drag (press, move in steps, release), as dnd-kit's pointer sensor expects. */
export async function pointerDrag(page: Page, from: Locator, to: Locator): Promise<void> {
  await to.scrollIntoViewIfNeeded();
  const source = await from.boundingBox();
  const target = await to.boundingBox();
  if (!source || !target) throw new Error('drag source or target is not visible');
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(source.x + source.width / 2 + 10, source.y + source.height / 2 + 10, { steps: 3 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}
