import { useTranslation } from 'react-i18next';
import { LTextField } from '../../inputs';
import { KeyPicker } from '../KeyPicker';
import { type PanelProps, withSetting } from '../panel-types';

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
      <LTextField
        label={t('pageDesigner.fields.title')}
        optional
        value={config.title}
        problems={problems('/title')}
        testId="pd-title"
        onChange={(v) => onChange(withSetting(config, 'title', v))}
      />
      <LTextField
        label={t('pageDesigner.fields.intro')}
        optional
        multiline
        value={config.intro}
        problems={problems('/intro')}
        onChange={(v) => onChange(withSetting(config, 'intro', v))}
      />
    </>
  );
}
