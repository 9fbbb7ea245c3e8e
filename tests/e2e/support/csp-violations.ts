import type { Page } from 'playwright-core';

const marker = 'Content Security Policy';

/**
 * Collects every Content-Security-Policy violation a page reports, in its documents (also frames) and its web
 * workers: Chromium's own console message ("Refused to … because it violates the following Content Security
 * Policy directive …") and the DOM's `securitypolicyviolation` event, echoed to the console. Call before the page
 * navigates; read the list at the end of the user path.
 */
export async function watchCspViolations(page: Page): Promise<() => string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes(marker)) violations.push(message.text());
  });
  await page.addInitScript((label) => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(
        `${label} violation: ${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber}:${event.columnNumber})`,
      ),
    );
  }, marker);
  return () => [...violations];
}
