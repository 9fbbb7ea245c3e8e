import type { Locale } from '@opora/sdk';

/** What the client reads in their chat about the rating, Russian first. */
const texts = {
  question: {
    ru: 'Диалог завершён. Оцените, пожалуйста, как мы вам помогли: от 1 (плохо) до 5 (отлично).',
    en: 'The conversation is closed. Please rate our help from 1 (poor) to 5 (excellent).',
  },
  questionByLink: {
    ru: 'Диалог завершён. Оцените, пожалуйста, как мы вам помогли (от 1 до 5), по ссылке: {link}\nСсылка действует {days} дней.',
    en: 'The conversation is closed. Please rate our help (1 to 5) here: {link}\nThe link works for {days} days.',
  },
  thanks: {
    ru: 'Спасибо за оценку! Если хотите, напишите пару слов о том, что можно улучшить.',
    en: 'Thank you for your rating! If you like, tell us in a few words what we could do better.',
  },
  thanksFinal: { ru: 'Спасибо за оценку!', en: 'Thank you for your rating!' },
} satisfies Record<string, Record<Locale, string>>;

export type CsatText = keyof typeof texts;

/** A client-facing text with `{name}` filled by plain splitting, so no value is ever read as a pattern. */
export function csatText(
  locale: Locale,
  key: CsatText,
  params: Record<string, string | number> = {},
): string {
  let out = texts[key][locale] ?? texts[key].ru;
  for (const [name, value] of Object.entries(params)) out = out.split(`{${name}}`).join(String(value));
  return out;
}

/** The value each rating button sends back; the press is read by its position, this only labels it. */
export const ratingButtons = [1, 2, 3, 4, 5].map((score) => ({
  label: String(score),
  value: `csat:${score}`,
}));
