import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';

/** База знаний › раздел › подраздел: every step but the last is a link. */
export function KbBreadcrumbs({ items }: { items: { title: string; to?: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav className="kb-crumbs" aria-label={t('kb.article.breadcrumbs')} data-testid="kb-crumbs">
      <ol>
        {items.map((item, i) => (
          <li key={item.to ?? item.title}>
            {item.to && i < items.length - 1 ? (
              <Link to={item.to}>{item.title}</Link>
            ) : (
              <span aria-current={i === items.length - 1 ? 'page' : undefined}>{item.title}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
