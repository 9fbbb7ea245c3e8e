import { describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { chromiumEndpointKey } from './support/chromium-endpoint.js';

/** Every e2e file connects to the one Chromium of the project's global setup; closing only disconnects. */
describe('shared Chromium', () => {
  it('is provided to the files, and a file closing its browser leaves it running for the next one', async () => {
    expect(inject(chromiumEndpointKey)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    const first = await launchBrowser();
    const page = await first.newPage();
    await page.setContent('<p id="x">один</p>');
    expect(await page.textContent('#x')).toBe('один');
    await first.close();

    const second = await launchBrowser();
    // The first file's context went with its connection: the next file starts clean.
    expect(second.contexts()).toHaveLength(0);
    const again = await second.newPage();
    await again.setContent('<p id="y">два</p>');
    expect(await again.textContent('#y')).toBe('два');
    await second.close();
  });
});
