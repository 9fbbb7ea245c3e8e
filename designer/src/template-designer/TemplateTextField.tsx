import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Messages } from '../components/Messages';
import { VariableChips } from './VariableChips';

type LText = { ru: string; en?: string };
type Lang = 'ru' | 'en';

/**
 * The answer's text in Russian and English, with the variables as chips: a chip goes where the caret was in the
 * language last edited. Each language's problems (an unknown variable, a stray brace) show under its box.
 */
export function TemplateTextField({
  value,
  onChange,
  problems,
}: {
  value: LText | undefined;
  onChange: (value: LText) => void;
  problems: Record<Lang, string[]>;
}) {
  const { t } = useTranslation();
  const boxes = { ru: useRef<HTMLTextAreaElement>(null), en: useRef<HTMLTextAreaElement>(null) };
  const last = useRef<Lang>('ru');
  const set = (lang: Lang, text: string) => {
    const next: LText = { ru: value?.ru ?? '', ...(value?.en ? { en: value.en } : {}) };
    if (lang === 'ru') next.ru = text;
    else if (text) next.en = text;
    else delete next.en;
    onChange(next);
  };
  const insert = (placeholder: string) => {
    const lang = last.current;
    const box = boxes[lang].current;
    const current = value?.[lang] ?? '';
    const start = box?.selectionStart ?? current.length;
    const end = box?.selectionEnd ?? current.length;
    set(lang, current.slice(0, start) + placeholder + current.slice(end));
    const caret = start + placeholder.length;
    // After React writes the new text, put the caret after the variable.
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(caret, caret);
    });
  };
  return (
    <fieldset className="tpl-text">
      <legend>{t('templateDesigner.text')}</legend>
      <VariableChips onInsert={insert} />
      <span className="hint">{t('templateDesigner.textHint')}</span>
      {(['ru', 'en'] as const).map((lang) => (
        <span key={lang} className="tpl-text-lang">
          <span className="tpl-lang" aria-hidden="true">
            {t(`common.lang.${lang}`)}
          </span>
          <textarea
            ref={boxes[lang]}
            rows={5}
            maxLength={2000}
            // Page translators must leave the `{{…}}` variables as they are.
            translate="no"
            value={value?.[lang] ?? ''}
            aria-label={`${t('templateDesigner.text')} (${t(`common.langName.${lang}`)})`}
            aria-invalid={problems[lang].length > 0}
            onFocus={() => {
              last.current = lang;
            }}
            onChange={(event) => set(lang, event.target.value)}
            data-testid={`template-text-${lang}`}
          />
          <Messages messages={problems[lang]} />
        </span>
      ))}
    </fieldset>
  );
}
