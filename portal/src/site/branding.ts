import type { PortalBody } from '@opora/runtime/definitions';
import { textOn } from '../lib/badge-colors';

/** The CSS variables the stylesheets read, from the portal's colours; unset ones keep the built-in look. */
export function brandVariables(colors: PortalBody['colors'] | undefined): Record<string, string> {
  if (!colors) return {};
  const vars: Record<string, string> = {
    '--accent': colors.primary,
    '--accent-soft': mix(colors.primary, '#ffffff', 0.88),
    // The search banner's gradient: the primary colour into a lighter shade of itself (a second hue turns muddy).
    '--accent-light': mix(colors.primary, '#ffffff', 0.22),
    '--on-accent': textOn(colors.primary),
    '--brand-accent': colors.accent ?? colors.primary,
  };
  if (colors.header) {
    vars['--header-bg'] = colors.header;
    vars['--header-text'] = colors.headerText ?? textOn(colors.header);
  } else if (colors.headerText) vars['--header-text'] = colors.headerText;
  return vars;
}

/** Every variable brandVariables may set, so switching portals (or unpublishing) clears the old ones. */
export const brandVariableNames = [
  '--accent',
  '--accent-soft',
  '--accent-light',
  '--on-accent',
  '--brand-accent',
  '--header-bg',
  '--header-text',
] as const;

/** `a` moved towards `b` by `amount` (0–1), both #rrggbb; `a` unchanged when either is not a hex colour. */
export function mix(a: string, b: string, amount: number): string {
  const pa = rgb(a);
  const pb = rgb(b);
  if (!pa || !pb) return a;
  const channel = (i: number) =>
    Math.round((pa[i] ?? 0) + ((pb[i] ?? 0) - (pa[i] ?? 0)) * amount)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

const rgb = (hex: string): number[] | null => {
  const m = /^#([0-9a-f]{6})$/i.exec(hex)?.[1];
  return m ? [0, 2, 4].map((i) => Number.parseInt(m.slice(i, i + 2), 16)) : null;
};
