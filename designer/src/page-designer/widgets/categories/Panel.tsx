import { useTranslation } from 'react-i18next';
import { CheckField } from '../../inputs';
import { type PanelProps, withSetting } from '../panel-types';
import { TextSetting } from '../settings';

/** Knowledge-base sections: heading and whether each shows how many articles it has. */
export function CategoriesPanel({ config, onChange, problems }: PanelProps<'categories'>) {
  const { t } = useTranslation();
  return (
    <>
      <TextSetting setting="title" config={config} onChange={onChange} problems={problems} />
      <CheckField
        label={t('pageDesigner.fields.showCounts')}
        checked={config.showCounts ?? false}
        onChange={(v) => onChange(withSetting(config, 'showCounts', v || undefined))}
      />
    </>
  );
}
