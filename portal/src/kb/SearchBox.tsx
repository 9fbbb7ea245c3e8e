import type { Suggestion } from '@opora/sdk';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../lib/local-text';
import { navigate } from '../lib/router';
import { Highlighted } from './Highlighted';
import { markTyped } from './highlight';
import { kbPaths } from './kb-paths';
import { searchHref } from './search-params';
import { useCategoryTree } from './use-categories';
import { useSuggestions } from './use-suggestions';
import './i18n';
import './kb.css';

export interface SearchBoxProps {
  placeholder?: string;
  autoFocus?: boolean;
  size?: 'hero' | 'compact';
  /** The text to start with (the search page passes the current query). */
  initialQuery?: string;
}

/** The knowledge-base search box: suggestions as you type (an ARIA combobox), Enter searches. */
export function SearchBox({ placeholder, autoFocus, size = 'compact', initialQuery = '' }: SearchBoxProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const categories = useCategoryTree();
  const { items, forText } = useSuggestions(text, open);
  useEffect(() => {
    setText(initialQuery);
  }, [initialQuery]);
  // A new answer means a new list: nothing in it is picked yet.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the list changes
  useEffect(() => {
    setActive(-1);
  }, [items]);

  const q = text.trim();
  // The last option searches for the text itself, so mouse users have the same choice as Enter.
  const options = items.length > 0 ? [...items, null] : [];
  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  const go = (to: string) => {
    setOpen(false);
    input.current?.blur();
    navigate(to);
  };
  const pick = (option: Suggestion | null | undefined) => {
    if (option) go(kbPaths.article(option.key));
    else if (q) go(searchHref({ q }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    pick(expanded && active >= 0 ? options[active] : null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Moving past either end comes back to the text itself (-1), as in most search boxes.
      setActive((i) => {
        const next = i + step;
        return next < -1 ? options.length - 1 : next >= options.length ? -1 : next;
      });
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
      } else if (text) {
        event.preventDefault();
        setText('');
      }
    }
  };

  return (
    <form
      aria-label={t('kb.box.label')}
      className={`kb-search-box ${size === 'hero' ? 'hero-size' : 'compact'}`}
      onSubmit={submit}
      data-testid="kb-search-box"
    >
      <div className="kb-search-field">
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-label={t('kb.box.label')}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          enterKeyHint="search"
          maxLength={500}
          // biome-ignore lint/a11y/noAutofocus: only where the page is about searching (the caller asks for it)
          autoFocus={autoFocus}
          placeholder={placeholder ?? t('kb.box.placeholder')}
          value={text}
          data-testid="kb-search-input"
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {expanded && (
          <div
            id={`${id}-list`}
            role="listbox"
            aria-label={t('kb.box.suggestions')}
            className="kb-suggestions"
          >
            {options.map((option, i) => (
              <div
                key={option?.key ?? '*all'}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={option ? 'kb-suggestion' : 'kb-suggestion all'}
                data-testid="kb-suggestion"
                // mousedown, not click: the input must not lose focus (and close the list) first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(option);
                }}
                onMouseEnter={() => setActive(i)}
              >
                {option ? (
                  <>
                    <span className="kb-suggestion-title">
                      <Highlighted segments={markTyped(option.title, forText)} />
                    </span>
                    {option.categoryId && categories?.byId.get(option.categoryId) && (
                      <span className="kb-suggestion-category">
                        {localText(categories.byId.get(option.categoryId)?.title, i18n.language)}
                      </span>
                    )}
                  </>
                ) : (
                  t('kb.box.all', { q: forText })
                )}
              </div>
            ))}
          </div>
        )}
      </div>
      <button type="submit" className="btn primary" data-testid="kb-search-submit">
        {t('kb.box.submit')}
      </button>
    </form>
  );
}
