import type { ArticleSummary, KbCategory } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { helpfulPercent } from './article-fields';
import { categoryPath } from './category-tree';
import { formatDateTime } from './format';
import { StateBadge } from './StateBadge';

/** One page of articles: title and key, category, state, last change, views, helpful share. */
export function ArticleTable({
  items,
  categories,
}: {
  items: ArticleSummary[];
  categories: readonly KbCategory[];
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  return (
    <div className="table-wrap">
      <table className="table kb-table">
        <thead>
          <tr>
            <th>{t('kb.list.colTitle')}</th>
            <th className="kb-wide">{t('kb.list.category')}</th>
            <th>{t('kb.list.state')}</th>
            <th className="kb-wide">{t('kb.list.updated')}</th>
            <th className="num kb-wide">{t('kb.list.views')}</th>
            <th className="num">{t('kb.list.helpful')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const percent = helpfulPercent(a.helpful, a.notHelpful);
            return (
              <tr key={a.id} data-testid="article-row">
                <td>
                  <Link to={`/kb/${a.id}`} className="kb-title-link">
                    {a.title}
                  </Link>
                  <div className="muted mono small">{a.key}</div>
                </td>
                <td className="kb-wide">
                  {categoryPath(categories, a.categoryId, locale) || <span className="muted">—</span>}
                </td>
                <td>
                  <StateBadge state={a.state} />
                </td>
                <td className="muted kb-wide kb-date">
                  {formatDateTime(a.updatedAt, i18n.language)}
                  {a.updatedBy && <div className="small">{a.updatedBy}</div>}
                </td>
                <td className="num kb-wide">{a.views}</td>
                <td
                  className="num"
                  title={t('kb.list.helpfulTitle', { helpful: a.helpful, notHelpful: a.notHelpful })}
                >
                  {percent === null ? '—' : `${percent} %`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
