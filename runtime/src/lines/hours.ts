import type { WorkingHours } from '../definitions/line/schema.js';

export interface LineOpening {
  open: boolean;
  /** When the line opens next (null while open, or when it never opens). */
  resumesAt: Date | null;
}

/**
 * Whether a line works at `at`, and when it opens next.
 * (First cut: a line without hours is always open; hours arrive with the lines' designer.)
 */
export function lineOpenAt(hours: WorkingHours | undefined, _at: Date): LineOpening {
  if (!hours) return { open: true, resumesAt: null };
  return { open: true, resumesAt: null };
}
