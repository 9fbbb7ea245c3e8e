/** The language a client wrote in, as far as one message tells: Cyrillic letters mean Russian, Latin ones English. */
export function clientLanguage(text: string): 'ru' | 'en' {
  if (/[а-яё]/i.test(text)) return 'ru';
  return /[a-z]/i.test(text) ? 'en' : 'ru';
}

/** A line's localised text in the client's language, falling back to Russian. */
export function inLanguage(text: { ru: string; en?: string }, language: 'ru' | 'en'): string {
  return (language === 'en' && text.en) || text.ru;
}
