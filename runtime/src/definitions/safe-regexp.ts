import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';

/**
 * Patterns in data types are written by analysts, so they are untrusted input to a regex engine. They run on
 * RE2 (linear time in the input, no backtracking): no pattern can hang the server or the browser (ReDoS).
 * RE2 has no backreferences or lookaround; such patterns are refused when the type is published.
 */
export function compileSafePattern(pattern: string): { test(text: string): boolean; toString(): string } {
  const compiled = RE2JS.compile(pattern);
  // ajv keys its cache of compiled patterns by toString(): it must tell patterns apart.
  return { test: (text) => compiled.test(text), toString: () => `/${pattern}/` };
}

/** Why a pattern cannot be used, or null when it compiles. */
export function patternProblem(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** ajv's `code.regExp` engine: every `pattern` in every schema runs on RE2. */
export const safeRegExpEngine: RegExpEngine = Object.assign(
  (pattern: string) => compileSafePattern(pattern),
  {
    code: 'compileSafePattern',
  },
);
