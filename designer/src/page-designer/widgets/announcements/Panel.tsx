import { useTranslation } from 'react-i18next';
import { CheckField } from '../../inputs';
import { type PanelProps, withSetting } from '../panel-types';
import { CountSetting, TextSetting } from '../settings';

/** News and notices: heading, how many, and whether finished ones stay listed. */
export function AnnouncementsPanel({ config, onChange, problems }: PanelProps<'announcements'>) {
  const { t } = useTranslation();
  return (
    <>
      <TextSetting setting="title" config={config} onChange={onChange} problems={problems} />
      <CountSetting
        label={t('pageDesigner.fields.itemCount')}
        config={config}
        onChange={onChange}
        problems={problems}
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
