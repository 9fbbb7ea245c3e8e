import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  designerCodeInPortal,
  markersIn,
  portalDist,
  portalScripts,
  staffMarkers,
  startPageBytes,
  startPageScripts,
} from '../support/portal-bundle.js';

// `npm test` builds the UIs first; the public portal must stay free of the designers' heavy editors.
describe.runIf(existsSync(join(portalDist, 'index.html')))('the public portal bundle', () => {
  it('carries no designer code (Monaco, React Flow, TipTap) in any chunk', () => {
    expect(designerCodeInPortal()).toEqual([]);
  });

  it('loads no staff screen and no form renderer on the home page: they come in their own chunks on first use', () => {
    expect(markersIn(portalDist, startPageScripts(portalDist), staffMarkers)).toEqual([]);
    // The markers are real: every one of them is in some chunk of the build.
    const found = markersIn(portalDist, portalScripts(), staffMarkers).map((hit) => hit.split(': ')[1]);
    expect(new Set(found)).toEqual(new Set(staffMarkers));
  });

  it('keeps the home page download small', () => {
    expect(startPageBytes(portalDist).js).toBeLessThan(200 * 1024);
  });
});
