import { renderLocalized, type TemplateValues } from '@opora/runtime/templates';
import type { AnswerTemplate } from '@opora/sdk';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSearch } from './use-template-search';

export const templateOptionId = (key: string) => `answer-template-${key}`;

/** The matching templates, each with its title, its `/shortcut` and the text as it would be sent. */
export function TemplateList({
  search,
  active,
  values,
  locale,
  onPick,
  onHover,
}: {
  search: TemplateSearch;
  active: number;
  values: TemplateValues;
  locale: 'ru' | 'en';
  onPick: (template: AnswerTemplate) => void;
  onHover: (index: number) => void;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  if (search.failed) return <p className="tp-note error">{t('composer.failed')}</p>;
  if (search.items.length === 0)
    return <p className="tp-note">{search.loading ? t('composer.loading') : t('composer.nothing')}</p>;
  return (
    <div
      className="tp-list"
      role="listbox"
      id="answer-template-list"
      ref={list}
      aria-label={t('composer.templates')}
    >
      {search.items.map((template, index) => (
        <div
          key={template.key}
          tabIndex={-1}
          id={templateOptionId(template.key)}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'tp-item active' : 'tp-item'}
          data-testid="template-option"
          // mousedown, not click: the answer's text box keeps its focus and caret.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(template);
          }}
          onMouseEnter={() => onHover(index)}
        >
          <span className="tp-title">
            {locale === 'en' && template.title.en ? template.title.en : template.title.ru}
            {template.shortcut && <code className="tp-shortcut">/{template.shortcut}</code>}
          </span>
          <span className="tp-text">{renderLocalized(template.text, values, locale)}</span>
        </div>
      ))}
    </div>
  );
}
