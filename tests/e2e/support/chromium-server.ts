import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumOptions } from './browser.js';
import { chromiumEndpointKey } from './chromium-endpoint.js';

/**
 * Global setup of the e2e project: one Chromium for every test file, which each file connects to instead of
 * starting its own (seconds per file on a busy two-core machine). Files stay apart: each makes its own contexts,
 * and its `browser.close()` closes them and disconnects. Stopped when the run ends.
 */
export default async function startSharedChromium(project: TestProject) {
  const server = await chromium.launchServer(chromiumOptions());
  project.provide(chromiumEndpointKey, server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
