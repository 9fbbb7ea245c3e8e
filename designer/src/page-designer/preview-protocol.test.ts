import { describe, expect, it } from 'vitest';
import { fitScale, isPreviewReady, previewMessage } from './preview-protocol';

describe('draft preview messages', () => {
  it('recognise only the portal’s ready message', () => {
    expect(isPreviewReady({ type: 'opora:preview-ready' })).toBe(true);
    expect(isPreviewReady({ type: 'opora:preview-page' })).toBe(false);
    expect(isPreviewReady('opora:preview-ready')).toBe(false);
    expect(isPreviewReady(null)).toBe(false);
  });
  it('carry the draft body as it is', () => {
    const body = { schemaVersion: 1, rows: [] };
    expect(previewMessage(body)).toEqual({ type: 'opora:preview-page', body });
  });
  it('shrink a desktop page to fit, never enlarge a phone one', () => {
    expect(fitScale(640, 1280)).toBe(0.5);
    expect(fitScale(900, 375)).toBe(1);
    expect(fitScale(0, 1280)).toBe(1);
  });
});
