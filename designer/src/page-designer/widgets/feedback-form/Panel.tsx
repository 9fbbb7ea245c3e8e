import { useTranslation } from 'react-i18next';
import { KeyPicker } from '../KeyPicker';
import type { PanelProps } from '../panel-types';
import { TextSetting } from '../settings';

/** Feedback form (ФОС): which published form (portal forms first), heading and an intro line. */
export function FeedbackFormPanel({ config, onChange, problems, lookups }: PanelProps<'feedback-form'>) {
  const { t } = useTranslation();
  const chosen = lookups.forms?.find((f) => f.key === config.form);
  return (
    <>
      <KeyPicker
        label={t('pageDesigner.fields.form')}
        value={config.form}
        options={lookups.forms?.map((f) => ({ key: f.key, label: f.name, secondary: !f.portal })) ?? null}
        secondaryLabel={t('pageDesigner.fields.otherForms')}
        failed={lookups.failed.includes('forms')}
        problems={config.form ? problems('/form') : [t('pageDesigner.fields.formRequired')]}
        testId="pd-form"
        onChange={(form) => onChange({ ...config, form })}
      />
      {chosen && !chosen.portal && (
        <div className="banner warn">{t('pageDesigner.fields.notPortalForm')}</div>
      )}
      <TextSetting setting="title" config={config} onChange={onChange} problems={problems} />
      <TextSetting setting="intro" multiline config={config} onChange={onChange} problems={problems} />
    </>
  );
}
