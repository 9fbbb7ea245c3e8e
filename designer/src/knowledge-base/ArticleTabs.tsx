import { useTranslation } from 'react-i18next';

export type ArticleTab = 'article' | 'versions' | 'ratings';
const tabs: readonly ArticleTab[] = ['article', 'versions', 'ratings'];

/** Статья / Версии / Отзывы. */
export function ArticleTabs({ tab, onChange }: { tab: ArticleTab; onChange: (tab: ArticleTab) => void }) {
  const { t } = useTranslation();
  return (
    <div className="tabs" role="tablist">
      {tabs.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={tab === name}
          className={tab === name ? 'tab active' : 'tab'}
          data-testid={`tab-${name}`}
          onClick={() => onChange(name)}
        >
          {t(`kb.article.tabs.${name}`)}
        </button>
      ))}
    </div>
  );
}
