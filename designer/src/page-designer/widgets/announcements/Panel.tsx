import { useTranslation } from 'react-i18next';
import { CheckField, CountField, LTextField } from '../../inputs';
import { type PanelProps, withSetting } from '../panel-types';

/** News and notices: heading, how many, and whether finished ones stay listed. */
export function AnnouncementsPanel({ config, onChange, problems }: PanelProps<'announcements'>) {
  const { t } = useTranslation();
  return (
    <>
      <LTextField
        label={t('pageDesigner.fields.title')}
        optional
        value={config.title}
        problems={problems('/title')}
        testId="pd-title"
        onChange={(v) => onChange(withSetting(config, 'title', v))}
      />
      <CountField
        label={t('pageDesigner.fields.itemCount')}
        value={config.count}
        problems={problems('/count')}
        testId="pd-count"
        onChange={(v) => onChange(withSetting(config, 'count', v))}
      />
      <CheckField
        label={t('pageDesigner.fields.includePast')}
        checked={config.includePast ?? false}
        onChange={(v) => onChange(withSetting(config, 'includePast', v || undefined))}
      />
      <p className="hint">{t('pageDesigner.fields.announcementsHint')}</p>
    </>
  );
}
