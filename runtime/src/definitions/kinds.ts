/** The kinds of definitions users design; each has exactly one body schema. */
export type DefinitionKind =
  | 'entity'
  | 'form'
  | 'tree'
  | 'bot'
  | 'process'
  | 'script'
  | 'page'
  | 'portal'
  | 'line'
  | 'template'
  | 'integration'
  | 'channel';

export const definitionKinds: readonly DefinitionKind[] = [
  'entity',
  'form',
  'tree',
  'bot',
  'process',
  'script',
  'page',
  'portal',
  'line',
  'template',
  'integration',
  'channel',
];

/** A definition's key: unique per kind, stable across versions, used in references. */
export const definitionKeyPattern = '^[a-z][a-z0-9_-]{0,62}$';

export type Locale = 'ru' | 'en';

/** One validation problem. `pointer` is a JSON pointer (RFC 6901) into the validated document, '' for the root. */
export interface Problem {
  pointer: string;
  message: string;
  code: string;
}

/** Picks the text for the locale, falling back to Russian (always present). */
export const pick = (locale: Locale, ru: string, en: string): string => (locale === 'en' ? en : ru);
