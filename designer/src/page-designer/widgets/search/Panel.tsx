import { useTranslation } from 'react-i18next';
import { LTextField } from '../../inputs';
import { type PanelProps, withSetting } from '../panel-types';

/** Search box: an optional heading and the hint inside the box. */
export function SearchPanel({ config, onChange, problems }: PanelProps<'search'>) {
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
      <LTextField
        label={t('pageDesigner.fields.placeholder')}
        optional
        value={config.placeholder}
        problems={problems('/placeholder')}
        onChange={(v) => onChange(withSetting(config, 'placeholder', v))}
      />
    </>
  );
}
