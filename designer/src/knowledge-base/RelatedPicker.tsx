import type { ArticleLink, ArticleSummary } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { client } from '../lib/api';

/** Related articles: chosen ones as a list, and a search box that offers others to add. */
export function RelatedPicker({
  value,
  onChange,
  selfId,
  disabled,
}: {
  value: ArticleLink[];
  onChange: (links: ArticleLink[]) => void;
  selfId: string | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ArticleSummary[]>([]);
  const [searched, setSearched] = useState(false);

  useEffect(() => {
    if (!q.trim()) {
      setFound([]);
      setSearched(false);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      client.kb
        .list({ q: q.trim(), limit: 8 })
        .then((page) => {
          if (!live) return;
          setFound(page.items);
          setSearched(true);
        })
        .catch(() => live && setFound([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  const chosen = new Set(value.map((l) => l.id));
  const offers = found.filter((a) => a.id !== selfId && !chosen.has(a.id));
  return (
    <div className="kb-related" data-testid="related-picker">
      {value.length > 0 && (
        <ul className="kb-related-list">
          {value.map((link) => (
            <li key={link.id}>
              <Link to={`/kb/${link.id}`}>{link.title}</Link>
              {!disabled && (
                <button
                  type="button"
                  className="btn ghost small"
                  aria-label={t('kb.article.removeRelated', { title: link.title })}
                  onClick={() => onChange(value.filter((l) => l.id !== link.id))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && (
        <div className="kb-combo">
          <input
            type="search"
            value={q}
            aria-label={t('kb.article.relatedSearch')}
            placeholder={t('kb.article.relatedSearch')}
            data-testid="related-search"
            onChange={(e) => setQ(e.target.value)}
          />
          {q.trim() && searched && (
            <ul className="kb-combo-list">
              {offers.length === 0 && <li className="muted">{t('kb.article.relatedNone')}</li>}
              {offers.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    onClick={() => {
                      onChange([...value, { id: a.id, key: a.key, title: a.title }]);
                      setQ('');
                    }}
                  >
                    {a.title}
                    <span className="muted mono small">{a.key}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
