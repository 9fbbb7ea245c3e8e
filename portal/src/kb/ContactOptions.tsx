import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { kbPaths } from './kb-paths';
import './i18n';

/** The ways to reach specialists, under an article and when a search finds nothing (inside the helper, without it). */
export function ContactOptions({ title, helper = true }: { title?: string; helper?: boolean }) {
  const { t } = useTranslation();
  return (
    <aside className="kb-contact" data-testid="kb-contact">
      <div>
        <strong>{title ?? t('kb.contact.title')}</strong>
        <p className="muted">{t('kb.contact.text')}</p>
      </div>
      <div className="kb-contact-actions">
        <Link to={kbPaths.contact()} className="btn primary">
          {t('kb.contact.form')}
        </Link>
        {helper && (
          <Link to={kbPaths.helper} className="btn">
            {t('kb.contact.helper')}
          </Link>
        )}
      </div>
    </aside>
  );
}
