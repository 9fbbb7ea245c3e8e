import type { CSSProperties } from 'react';

/** A column's share of its row on a 12-column grid, kept inside 1–12 whatever the body says. */
export function columnSpan(width: number): number {
  if (!Number.isFinite(width)) return 12;
  return Math.min(12, Math.max(1, Math.round(width)));
}

/**
 * The column's style: its span as a CSS variable, so the stylesheet can make every column full width on phones
 * without fighting an inline `grid-column`.
 */
export const columnStyle = (width: number): CSSProperties =>
  ({ '--span': columnSpan(width) }) as CSSProperties;
