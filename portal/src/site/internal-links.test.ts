import { describe, expect, it } from 'vitest';
import { internalTarget } from './internal-links';

const a = (href: string | null, extra: Record<string, string> = {}) => ({
  target: extra.target ?? '',
  getAttribute: (name: string) => (name === 'href' ? href : (extra[name] ?? null)),
});
const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };

describe('links inside author HTML', () => {
  it('opens portal paths in place', () => {
    expect(internalTarget(a('/kb/password-reset'), click)).toBe('/kb/password-reset');
  });
  it('leaves other links to the browser', () => {
    expect(internalTarget(a('https://example.com/'), click)).toBeNull();
    expect(internalTarget(a('//evil.example/'), click)).toBeNull();
    expect(internalTarget(a('/api/v1/kb/files/1'), click)).toBeNull();
    expect(internalTarget(a('/kb/x', { target: '_blank' }), click)).toBeNull();
    expect(internalTarget(a('/kb/x', { download: '' }), click)).toBeNull();
    expect(internalTarget(a('/kb/x'), { ...click, ctrlKey: true })).toBeNull();
    expect(internalTarget(a(null), click)).toBeNull();
  });
});
