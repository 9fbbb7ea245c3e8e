import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { WidgetLoading } from '../../components/WidgetStates';

// The forms runtime and the field widgets load with the first form a visitor opens, not with every page.
const PortalForm = lazy(() => import('./PortalForm').then((m) => ({ default: m.PortalForm })));

/** A published portal form (ФОС): sending it creates a request and shows its number. */
export function FeedbackForm({ formKey }: { formKey: string }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<WidgetLoading label={t('site.form.loading')} />}>
      <PortalForm formKey={formKey} />
    </Suspense>
  );
}
