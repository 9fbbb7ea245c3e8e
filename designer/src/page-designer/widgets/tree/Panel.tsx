import { useTranslation } from 'react-i18next';
import { KeyPicker } from '../KeyPicker';
import type { PanelProps } from '../panel-types';
import { TextSetting } from '../settings';

/** Interactive helper: which published question tree it walks, and its heading. */
export function TreePanel({ config, onChange, problems, lookups }: PanelProps<'tree'>) {
  const { t } = useTranslation();
  return (
    <>
      <KeyPicker
        label={t('pageDesigner.fields.tree')}
        value={config.tree}
        options={lookups.trees?.map((d) => ({ key: d.key, label: d.name })) ?? null}
        failed={lookups.failed.includes('trees')}
        problems={config.tree ? problems('/tree') : [t('pageDesigner.fields.treeRequired')]}
        testId="pd-tree"
        onChange={(tree) => onChange({ ...config, tree })}
      />
      <TextSetting setting="title" config={config} onChange={onChange} problems={problems} />
    </>
  );
}
