import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { withTopic } from '../forms/topic-address';
import { kbPaths } from '../kb/kb-paths';

/**
 * The knowledge base's «write to us» box, inside the helper: its form link carries the way the visitor came, so the
 * request starts with its topic filled in.
 */
export function HelperContact({ topic }: { topic: string }) {
  const { t } = useTranslation();
  return (
    <aside className="kb-contact" data-testid="kb-contact">
      <div>
        <strong>{t('kb.contact.title')}</strong>
        <p className="muted">{t('kb.contact.text')}</p>
      </div>
      <div className="kb-contact-actions">
        <Link to={withTopic(kbPaths.contact(), topic)} className="btn primary" data-testid="helper-form">
          {t('kb.contact.form')}
        </Link>
      </div>
    </aside>
  );
}
