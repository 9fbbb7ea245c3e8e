import type { Locale } from '../definitions/kinds.js';
import { firstNameOf } from './first-name.js';
import { parseTemplate } from './parse-template.js';
import { isTemplateVariable, type TemplateVariable, templateVariableInfo } from './variables.js';

/** What the operator's screen knows about the dialog; an absent or blank value renders as a polite stand-in. */
export interface TemplateValues {
  clientName?: string | null;
  operatorName?: string | null;
  companyName?: string | null;
}

/** Text per language, Russian always present (the definitions' `LText`). */
export interface LocalizedText {
  ru: string;
  en?: string;
}

const present = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

function valueFor(name: TemplateVariable, values: TemplateValues): string | undefined {
  switch (name) {
    case 'client.name':
      return present(values.clientName);
    case 'client.firstName':
      return present(firstNameOf(values.clientName ?? ''));
    case 'operator.name':
      return present(values.operatorName);
    case 'operator.firstName':
      return present(firstNameOf(values.operatorName ?? ''));
    case 'company.name':
      return present(values.companyName);
  }
}

/**
 * A template's text with its variables filled in. Substitution walks the parsed segments (no patterns built from
 * the text or the values, so a `$&` or `{{` inside a client's name is just text). A missing value becomes the
 * variable's stand-in («уважаемый клиент»); an unknown `{{name}}` stays as written, so the operator sees it before
 * sending; stray braces stay literal.
 */
export function renderTemplate(text: string, values: TemplateValues, locale: Locale): string {
  let out = '';
  for (const segment of parseTemplate(text).segments) {
    if (segment.type === 'text') out += segment.text;
    else if (!isTemplateVariable(segment.name)) out += segment.raw;
    else out += valueFor(segment.name, values) ?? templateVariableInfo[segment.name].fallback[locale];
  }
  return out;
}

/** The text in the language asked for, Russian when there is no English. */
export const templateText = (text: LocalizedText, locale: Locale): string =>
  locale === 'en' && text.en?.trim() ? text.en : text.ru;

/** Picks the language's text and renders it; stand-ins speak the language of the text actually used. */
export function renderLocalized(text: LocalizedText, values: TemplateValues, locale: Locale): string {
  const used: Locale = locale === 'en' && text.en?.trim() ? 'en' : 'ru';
  return renderTemplate(templateText(text, used), values, used);
}
