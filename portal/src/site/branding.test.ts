import { describe, expect, it } from 'vitest';
import { brandVariableNames, brandVariables, mix } from './branding';

describe('branding', () => {
  it('turns the portal colours into the variables the stylesheet reads', () => {
    const vars = brandVariables({ primary: '#0b5cad', accent: '#f59e0b', header: '#102a43' });
    expect(vars).toMatchObject({
      '--accent': '#0b5cad',
      '--brand-accent': '#f59e0b',
      '--header-bg': '#102a43',
      '--header-text': '#ffffff',
      '--on-accent': '#ffffff',
    });
    expect(vars['--accent-soft']).toMatch(/^#[0-9a-f]{6}$/);
    for (const name of Object.keys(vars)) expect(brandVariableNames).toContain(name);
  });
  it('keeps the built-in header when the portal sets no header colour', () => {
    const vars = brandVariables({ primary: '#fde68a' });
    expect(vars['--header-bg']).toBeUndefined();
    expect(vars['--on-accent']).toBe('#1c2333');
    expect(brandVariables(undefined)).toEqual({});
  });
  it('mixes colours', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#0f6fde', '#ffffff', 0)).toBe('#0f6fde');
    expect(mix('red', '#ffffff', 0.5)).toBe('red');
  });
});
