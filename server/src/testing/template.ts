import { importDemoTemplate } from '../modules/bundles/demo-template.js';

export { templateBundlePath } from '../modules/bundles/demo-template.js';

import type { Harness } from './test-app.js';

/** Imports a template bundle (the support desk by default) into a test app, as the first start does. */
export async function importTemplate(h: Harness, name = 'support-desk') {
  const report = await importDemoTemplate(h.db, h.app.bundles, name);
  if (!report) throw new Error(`the test database already has definitions; ${name} was not imported`);
  return report;
}
