/** WCAG 2 contrast between two #rrggbb colours: 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/** Relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** Normal-size text needs 4.5:1 (WCAG AA). */
export const minContrast = 4.5;

export const isHexColor = (value: string): boolean => /^#[0-9a-fA-F]{6}$/.test(value);

/** What the portal uses when a colour is not set (portal/src/styles.css). */
export const portalDefaults = { header: '#ffffff', headerText: '#1c2333' } as const;
