import type { TemplateValues } from '@opora/runtime/templates';
import type { AnswerTemplate } from '@opora/sdk';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TemplateList } from './TemplateList';
import type { TemplateSearch } from './use-template-search';

/**
 * The picker's frame above the answer: the language the template is inserted in, a search box when it was opened
 * with the button (typing `/word` in the answer searches without one), the list and a reminder of the keys.
 */
export function TemplatePicker({
  withSearchBox,
  query,
  onQuery,
  search,
  active,
  setActive,
  values,
  locale,
  onLocale,
  onPick,
  onClose,
}: {
  withSearchBox: boolean;
  query: string;
  onQuery: (query: string) => void;
  search: TemplateSearch;
  active: number;
  setActive: (index: number) => void;
  values: TemplateValues;
  locale: 'ru' | 'en';
  onLocale: (locale: 'ru' | 'en') => void;
  onPick: (template: AnswerTemplate) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (pickerKey(event.key, search.items.length, active, setActive)) event.preventDefault();
    else if (event.key === 'Enter') {
      event.preventDefault();
      const template = search.items[active];
      if (template) onPick(template);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <div className="template-picker" data-testid="template-picker">
      <div className="tp-head">
        <strong>{t('composer.templates')}</strong>
        <fieldset className="tp-locale" aria-label={t('composer.language')}>
          {(['ru', 'en'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className={value === locale ? 'chip active' : 'chip'}
              aria-pressed={value === locale}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onLocale(value)}
            >
              {value.toUpperCase()}
            </button>
          ))}
        </fieldset>
      </div>
      {withSearchBox && (
        <input
          type="search"
          className="tp-search"
          aria-label={t('composer.search')}
          placeholder={t('composer.searchPlaceholder')}
          value={query}
          // biome-ignore lint/a11y/noAutofocus: the operator opened the picker to type in it
          autoFocus
          maxLength={100}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={onKey}
          aria-controls="answer-template-list"
          data-testid="template-search"
        />
      )}
      <TemplateList
        search={search}
        active={active}
        values={values}
        locale={locale}
        onPick={onPick}
        onHover={setActive}
      />
      <p className="tp-keys">{t('composer.keys')}</p>
    </div>
  );
}

/** ↑ and ↓ move through the list (wrapping); true when the key was one of them. */
export function pickerKey(
  key: string,
  count: number,
  active: number,
  setActive: (i: number) => void,
): boolean {
  if (count === 0 || (key !== 'ArrowDown' && key !== 'ArrowUp')) return false;
  setActive(key === 'ArrowDown' ? (active + 1) % count : (active - 1 + count) % count);
  return true;
}
