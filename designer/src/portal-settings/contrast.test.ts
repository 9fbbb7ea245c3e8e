import { describe, expect, it } from 'vitest';
import { contrastRatio, isHexColor, minContrast } from './contrast';

describe('contrast of header colours', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#2563eb', '#2563eb')).toBeCloseTo(1, 5);
  });
  it('does not depend on the order', () => {
    expect(contrastRatio('#ffffff', '#777777')).toBeCloseTo(contrastRatio('#777777', '#ffffff'), 10);
  });
  it('tells readable pairs from unreadable ones at 4.5:1', () => {
    expect(contrastRatio('#ffffff', '#2563eb')).toBeGreaterThan(minContrast);
    expect(contrastRatio('#ffffff', '#777777')).toBeLessThan(minContrast); // 4.48
    expect(contrastRatio('#ffff00', '#ffffff')).toBeLessThan(minContrast);
  });
  it('accepts only #rrggbb', () => {
    expect(isHexColor('#A1b2C3')).toBe(true);
    expect(isHexColor('#abc')).toBe(false);
    expect(isHexColor('red')).toBe(false);
  });
});
