import { Type } from '@sinclair/typebox';
import type { Button } from '../../conversations/message.js';
import { ElementId, LText, Strict } from '../../definitions/common-schemas.js';
import type { Locale } from '../../definitions/kinds.js';

/** The options of a buttons block or a choice question: each is a button and, for buttons, an exit. */
export const ChoiceOptions = Type.Array(Strict({ id: ElementId, label: LText }), {
  minItems: 1,
  maxItems: 20,
});
export type ChoiceOption = { id: string; label: { ru: string; en?: string } };

const labelOf = (option: ChoiceOption, locale: Locale) =>
  locale === 'en' && option.label.en ? option.label.en : option.label.ru;

export const optionButtons = (options: readonly ChoiceOption[], locale: Locale): Button[] =>
  options.map((option) => ({ label: labelOf(option, locale), value: option.id }));

const normalize = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.!)]+$/u, '');

const labelled = (option: ChoiceOption, typed: string) =>
  normalize(option.label.ru) === typed ||
  (option.label.en !== undefined && normalize(option.label.en) === typed);

/**
 * The option a client chose: by the button pressed, by its label typed (either language, any case), by its
 * number — channels without buttons show them as a numbered list and e-mail clients answer «2» — or by a line of
 * that list copied whole («2. Нет, нужен оператор», the number and the label agreeing).
 */
export function chosenOption(
  options: readonly ChoiceOption[],
  answer: { text: string; buttonId?: string },
): ChoiceOption | null {
  if (answer.buttonId !== undefined) return options.find((o) => o.id === answer.buttonId) ?? null;
  const typed = normalize(answer.text.slice(0, 500));
  if (!typed) return null;
  if (/^\d{1,2}$/.test(typed)) return options[Number(typed) - 1] ?? null;
  const listLine = /^(\d{1,2})[.)]\s+(.+)$/u.exec(typed);
  if (listLine) {
    const numbered = options[Number(listLine[1]) - 1];
    return numbered && labelled(numbered, listLine[2]!) ? numbered : null;
  }
  return options.find((o) => labelled(o, typed)) ?? null;
}

/** Options whose id repeats: their exits (`option:<id>`) and answers could not be told apart. */
export function repeatedOptionProblems(options: readonly ChoiceOption[] | undefined) {
  const seen = new Set<string>();
  return (options ?? []).flatMap((option, i) => {
    const repeated = seen.has(option.id);
    seen.add(option.id);
    return repeated
      ? [
          {
            pointer: `/options/${i}/id`,
            code: 'duplicate',
            ru: `вариант «${option.id}» повторяется`,
            en: `option "${option.id}" repeats`,
          },
        ]
      : [];
  });
}
