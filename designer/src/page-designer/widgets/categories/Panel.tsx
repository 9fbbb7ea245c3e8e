import { useTranslation } from 'react-i18next';
import { CheckField, LTextField } from '../../inputs';
import { type PanelProps, withSetting } from '../panel-types';

/** Knowledge-base sections: heading and whether each shows how many articles it has. */
export function CategoriesPanel({ config, onChange, problems }: PanelProps<'categories'>) {
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
      <CheckField
        label={t('pageDesigner.fields.showCounts')}
        checked={config.showCounts ?? false}
        onChange={(v) => onChange(withSetting(config, 'showCounts', v || undefined))}
      />
    </>
  );
}
