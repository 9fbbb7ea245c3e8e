import type { Locale } from '../definitions/kinds.js';

/**
 * The values an answer template may name as `{{name}}`: who the client is, who answers, for which company.
 * A fixed set on purpose: an operator's screen knows these for every dialog of every channel, so a published
 * template never renders half-filled because a channel lacks some field.
 */
export const templateVariables = [
  'client.name',
  'client.firstName',
  'operator.name',
  'operator.firstName',
  'company.name',
] as const;

export type TemplateVariable = (typeof templateVariables)[number];

export const isTemplateVariable = (name: string): name is TemplateVariable =>
  (templateVariables as readonly string[]).includes(name);

/** Names, what each means (for the designer's chips) and the visible stand-in when a dialog lacks the value. */
export const templateVariableInfo: Record<
  TemplateVariable,
  { label: Record<Locale, string>; fallback: Record<Locale, string>; sample: Record<Locale, string> }
> = {
  'client.name': {
    label: { ru: 'Имя клиента', en: 'Client’s name' },
    // «Здравствуйте, клиент!» reads as a machine; the polite form reads well wherever a name would stand.
    fallback: { ru: 'уважаемый клиент', en: 'dear customer' },
    sample: { ru: 'Анна Смирнова', en: 'Anna Smith' },
  },
  'client.firstName': {
    label: { ru: 'Имя клиента (без фамилии)', en: 'Client’s first name' },
    fallback: { ru: 'уважаемый клиент', en: 'dear customer' },
    sample: { ru: 'Анна', en: 'Anna' },
  },
  'operator.name': {
    label: { ru: 'Имя оператора', en: 'Operator’s name' },
    fallback: { ru: 'специалист поддержки', en: 'your support specialist' },
    sample: { ru: 'Ольга Петрова', en: 'Olga Petrova' },
  },
  'operator.firstName': {
    label: { ru: 'Имя оператора (без фамилии)', en: 'Operator’s first name' },
    fallback: { ru: 'специалист поддержки', en: 'your support specialist' },
    sample: { ru: 'Ольга', en: 'Olga' },
  },
  'company.name': {
    label: { ru: 'Название компании', en: 'Company name' },
    fallback: { ru: 'наша компания', en: 'our company' },
    sample: { ru: 'ООО «Опора»', en: 'Opora Ltd' },
  },
};
