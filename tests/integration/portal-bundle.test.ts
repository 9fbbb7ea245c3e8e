import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designerCodeInPortal, portalDist, startPageBytes } from '../support/portal-bundle.js';

// `npm test` builds the UIs first; the public portal must stay free of the designers' heavy editors.
describe.runIf(existsSync(join(portalDist, 'index.html')))('the public portal bundle', () => {
  it('carries no designer code (Monaco, React Flow, TipTap) in any chunk', () => {
    expect(designerCodeInPortal()).toEqual([]);
  });

  it('keeps the home page download small', () => {
    expect(startPageBytes(portalDist).js).toBeLessThan(200 * 1024);
  });
});
