import { useTranslation } from 'react-i18next';
import { CountField, LTextField } from '../../inputs';
import { type PanelProps, withSetting } from '../panel-types';

/** The signed-in client's requests: heading and how many. */
export function MyRequestsPanel({ config, onChange, problems }: PanelProps<'my-requests'>) {
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
        label={t('pageDesigner.fields.requestCount')}
        value={config.count}
        problems={problems('/count')}
        testId="pd-count"
        onChange={(v) => onChange(withSetting(config, 'count', v))}
      />
      <p className="hint">{t('pageDesigner.fields.myRequestsHint')}</p>
    </>
  );
}
