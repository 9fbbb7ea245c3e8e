import { useTranslation } from 'react-i18next';
import { localText } from '../../../lib/local-text';
import { FeedbackForm } from '../../form/FeedbackForm';
import { WidgetFrame } from '../WidgetFrame';
import type { WidgetProps } from '../widget-props';

/** A designed portal form (ФОС) on the page; sending it creates a request and shows its number. */
export function FeedbackFormWidget({ config }: WidgetProps<'feedback-form'>) {
  const { i18n } = useTranslation();
  return (
    <WidgetFrame type="feedback-form" title={config.title ? localText(config.title, i18n.language) : null}>
      {config.intro && <p className="muted widget-intro">{localText(config.intro, i18n.language)}</p>}
      <FeedbackForm formKey={config.form} />
    </WidgetFrame>
  );
}
