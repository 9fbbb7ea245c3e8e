import { describe, expect, it } from 'vitest';
import { columnSpan, columnStyle } from './grid';

describe('page grid', () => {
  it('gives each column its share of 12 as a CSS variable', () => {
    expect(columnStyle(6)).toEqual({ '--span': 6 });
    expect(columnStyle(12)).toEqual({ '--span': 12 });
    expect(columnStyle(1)).toEqual({ '--span': 1 });
  });
  it('keeps widths from a hand-edited body inside the grid', () => {
    expect(columnSpan(0)).toBe(1);
    expect(columnSpan(20)).toBe(12);
    expect(columnSpan(4.4)).toBe(4);
    expect(columnSpan(Number.NaN)).toBe(12);
  });
});
