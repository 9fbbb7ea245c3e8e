import { useTranslation } from 'react-i18next';
import type { PanelProps } from '../panel-types';
import { CountSetting, TextSetting } from '../settings';

/** The signed-in client's requests: heading and how many. */
export function MyRequestsPanel({ config, onChange, problems }: PanelProps<'my-requests'>) {
  const { t } = useTranslation();
  return (
    <>
      <TextSetting setting="title" config={config} onChange={onChange} problems={problems} />
      <CountSetting
        label={t('pageDesigner.fields.requestCount')}
        config={config}
        onChange={onChange}
        problems={problems}
      />
      <p className="hint">{t('pageDesigner.fields.myRequestsHint')}</p>
    </>
  );
}
