/** Text as definitions carry it: Russian always, English optionally. */
export interface LText {
  ru: string;
  en?: string;
}

/** The text in the UI language, falling back to Russian. */
export const localText = (text: LText | null | undefined, locale: string): string =>
  (locale === 'en' ? (text?.en ?? text?.ru) : text?.ru) ?? '';
