import type { ArticleSummary } from '@opora/sdk';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { articleCache } from './article-cache';
import { useArticles } from './use-article-titles';

type Search =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; items: ArticleSummary[] }
  | { status: 'failed'; error: unknown };

/** Picks the knowledge base article an article leaf leads to, searching published articles as one types. */
export function ArticlePicker({
  value,
  onChange,
  problems,
}: {
  value: string;
  onChange: (key: string) => void;
  problems: readonly string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const [searching, setSearching] = useState(!value);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const chosen = useArticles(value ? [value] : []).get(value);

  useEffect(() => {
    if (!searching) return;
    let live = true;
    setSearch({ status: 'loading' });
    // Wait for a pause in typing so each letter does not cost a request.
    const timer = setTimeout(() => {
      client.kb
        .list({ q: q.trim() || undefined, state: 'published', limit: 20, sort: 'title' })
        .then((page) => live && setSearch({ status: 'ready', items: page.items }))
        .catch((error: unknown) => live && setSearch({ status: 'failed', error }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, searching]);

  const pick = (article: ArticleSummary) => {
    articleCache.remember(article);
    onChange(article.key);
    setSearching(false);
  };

  return (
    <div className="td-article-picker" data-testid="td-article-picker">
      <span className="label">{t('treeDesigner.article.chosen')}</span>
      {value ? (
        <div className="td-chosen" data-testid="td-article-chosen">
          <strong>{chosen?.title ?? value}</strong> <code>{value}</code>
          {chosen && chosen.state !== 'published' && (
            <span className="field-error">{t('treeDesigner.article.unpublished')}</span>
          )}
          {chosen === null && (
            <span className="field-error">{t('treeDesigner.card.articleMissing', { key: value })}</span>
          )}
        </div>
      ) : (
        <div className="muted">{t('treeDesigner.article.none')}</div>
      )}
      {problems.length > 0 && <span className="field-error">{problems.join('; ')}</span>}
      {!searching ? (
        <button type="button" className="btn" onClick={() => setSearching(true)}>
          {t('treeDesigner.article.change')}
        </button>
      ) : (
        <>
          <label htmlFor={id}>{t('treeDesigner.article.search')}</label>
          <input
            id={id}
            type="search"
            data-testid="td-article-search"
            placeholder={t('treeDesigner.article.placeholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          {search.status === 'loading' && <div className="muted">{t('common.loading')}</div>}
          {search.status === 'failed' && (
            <div className="field-error" role="alert">
              {t('treeDesigner.article.failed', { text: errorText(search.error, t('common.loadFailed')) })}
            </div>
          )}
          {search.status === 'ready' && !search.items.length && (
            <div className="muted">{t('treeDesigner.article.nothing')}</div>
          )}
          {search.status === 'ready' && search.items.length > 0 && (
            <ul className="td-results" aria-label={t('treeDesigner.article.search')}>
              {search.items.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    className={a.key === value ? 'td-result current' : 'td-result'}
                    data-testid={`td-article-${a.key}`}
                    onClick={() => pick(a)}
                  >
                    <strong>{a.title}</strong>
                    <code>{a.key}</code>
                    {a.summary && <small>{a.summary}</small>}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <KeyInput value={value} onCommit={onChange} />
        </>
      )}
    </div>
  );
}

/** A key typed by hand, taken on Enter or leaving the field (each letter would otherwise look up an article). */
function KeyInput({ value, onCommit }: { value: string; onCommit: (key: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => text.trim() !== value && onCommit(text.trim());
  return (
    <label>
      {t('treeDesigner.article.byKey')}
      <input
        className="mono"
        data-testid="td-article-key"
        value={text}
        maxLength={63}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}
