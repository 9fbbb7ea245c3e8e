type Locale = 'ru' | 'en';

const units: Record<Locale, { kb: string; mb: string }> = {
  ru: { kb: 'КБ', mb: 'МБ' },
  en: { kb: 'KB', mb: 'MB' },
};

const number = (value: number, locale: Locale, digits: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );

/** Milliseconds with one decimal in the locale's way: «8,9» in Russian, «8.9» in English. */
export function formatMs(ms: number, locale: Locale): string {
  return number(ms, locale, 1);
}

/** Memory as «512 КБ» below a megabyte, «0,8 МБ»… above (English: KB, MB). Intl's Russian «кБ» is not what users read. */
export function formatMemory(bytes: number, locale: Locale): string {
  const unit = units[locale];
  if (bytes < 1024 * 1024) return `${number(Math.max(0, bytes) / 1024, locale, 0)} ${unit.kb}`;
  return `${number(bytes / 1024 / 1024, locale, 1)} ${unit.mb}`;
}
