import { pageWidgetConfigs, pageWidgetTypes } from '@opora/runtime/definitions';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The widgets link through the portal's router, which listens to the browser's history when it loads.
let registry: typeof import('./registry');
beforeAll(async () => {
  vi.stubGlobal('window', {
    addEventListener: () => undefined,
    location: { pathname: '/', search: '', hash: '' },
    history: { pushState: () => undefined, replaceState: () => undefined },
  });
  registry = await import('./registry');
});

describe('page widget registry', () => {
  it('has a renderer for every widget type a page can hold', () => {
    for (const type of pageWidgetTypes) expect(typeof registry.rendererOf(type), type).toBe('function');
    expect(Object.keys(registry.pageWidgetRenderers).sort()).toEqual(Object.keys(pageWidgetConfigs).sort());
  });
  it('has none for a type this build does not know', () => {
    expect(registry.rendererOf('slideshow')).toBeUndefined();
    expect(registry.rendererOf('constructor')).toBeUndefined();
  });
});
