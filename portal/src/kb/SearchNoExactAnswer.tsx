import { useTranslation } from 'react-i18next';
import { ContactOptions } from './ContactOptions';
import './i18n';

/**
 * «Точного ответа нет»: the search found articles, but none covers the question, so the visitor is told so
 * before reading them, and offered the ways to ask a person instead.
 */
export function SearchNoExactAnswer({ q }: { q: string }) {
  const { t } = useTranslation();
  return (
    <div className="kb-no-exact" data-testid="search-no-exact" role="status">
      <h2>{t('kb.search.noExact')}</h2>
      <p>{t('kb.search.noExactFor', { q })}</p>
      <ContactOptions title={t('kb.search.noExactContact')} />
    </div>
  );
}
