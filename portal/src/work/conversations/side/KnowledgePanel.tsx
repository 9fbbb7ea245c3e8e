import type { ArticleSuggestion } from '@opora/sdk';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../../components/ScreenStates';
import { insertIntoComposer } from '../composer/insert-store';
import { useArticleSuggestions } from './use-suggestions';

/**
 * «Знания»: the knowledge base's search (staff articles included) and, with an empty box, articles for what the
 * client wrote last; each goes into the answer as a link or as text.
 */
export function KnowledgePanel({ conversationId, freshness }: { conversationId: string; freshness: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const searchId = useId();
  const found = useArticleSuggestions(conversationId, typed, freshness);
  return (
    <div className="knowledge-panel">
      <label htmlFor={searchId} className="sr-only">
        {t('dialogSide.knowledge.search')}
      </label>
      <input
        id={searchId}
        type="search"
        className="side-kb-search"
        value={typed}
        maxLength={500}
        placeholder={t('dialogSide.knowledge.searchPlaceholder')}
        onChange={(event) => setTyped(event.target.value)}
        data-testid="kb-search"
      />
      {found.status === 'loading' && <Loading />}
      {found.status === 'failed' && <LoadError error={found.error} onRetry={found.reload} />}
      {found.status === 'ready' && (
        <section className="side-kb-results" data-testid="kb-suggestions" aria-live="polite">
          <h3 className="side-heading">
            {t(typed.trim() ? 'dialogSide.knowledge.results' : 'dialogSide.knowledge.suggested')}
          </h3>
          {found.data.items.length === 0 ? (
            <p className="empty">
              {found.data.query ? t('dialogSide.knowledge.nothing') : t('dialogSide.knowledge.noClientWords')}
            </p>
          ) : (
            <ul>
              {found.data.items.map((article) => (
                <Suggestion key={article.id} article={article} conversationId={conversationId} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function Suggestion({ article, conversationId }: { article: ArticleSuggestion; conversationId: string }) {
  const { t } = useTranslation();
  const staff = article.audience === 'staff';
  const insert = (text: string) => insertIntoComposer(conversationId, text);
  return (
    <li className="side-kb-item" data-testid="kb-suggestion">
      <a href={article.url} target="_blank" rel="noreferrer" className="side-kb-title">
        {article.title}
      </a>
      {staff && <span className="badge">{t('dialogSide.knowledge.staffOnly')}</span>}
      {article.summary && <p className="muted">{article.summary}</p>}
      <div className="side-kb-actions">
        <button
          type="button"
          className="btn"
          disabled={staff}
          title={staff ? t('dialogSide.knowledge.staffLinkHint') : undefined}
          onClick={() => insert(`${article.title}: ${article.url}`)}
          data-testid="kb-insert-link"
        >
          {t('dialogSide.knowledge.insertLink')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!article.text}
          onClick={() => insert(article.text)}
          data-testid="kb-insert-text"
        >
          {t('dialogSide.knowledge.insertText')}
        </button>
      </div>
    </li>
  );
}
