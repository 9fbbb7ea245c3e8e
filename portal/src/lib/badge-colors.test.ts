import { describe, expect, it } from 'vitest';
import { textOn } from './badge-colors';

describe('textOn', () => {
  it('puts white text on dark badges and dark text on light ones', () => {
    expect(textOn('#2563eb')).toBe('#ffffff');
    expect(textOn('#475569')).toBe('#ffffff');
    expect(textOn('#fde68a')).toBe('#1c2333');
    expect(textOn('not a colour')).toBe('#1c2333');
  });
});
