import { useTranslation } from 'react-i18next';
import { usePath } from '../lib/router';
import { contactFormKey } from './contact-form-key';
import { useDocumentMeta } from './document-meta';
import { FeedbackForm } from './form/FeedbackForm';
import './i18n';
import './site.css';

/** «Обратная связь»: a portal form (ФОС) on its own page, `feedback` unless the address names another. */
export function ContactPage() {
  const { t } = useTranslation();
  const formKey = contactFormKey(usePath());
  useDocumentMeta(t('site.form.title'), t('site.form.intro'));
  return (
    <section className="section contact-page">
      <h1>{t('site.form.title')}</h1>
      <p className="muted">{t('site.form.intro')}</p>
      <div className="card">
        <FeedbackForm formKey={formKey} />
      </div>
    </section>
  );
}
