import { useTranslation } from 'react-i18next';
import { LTextField } from '../../inputs';
import { KeyPicker } from '../KeyPicker';
import { type PanelProps, withSetting } from '../panel-types';

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
      <LTextField
        label={t('pageDesigner.fields.title')}
        optional
        value={config.title}
        problems={problems('/title')}
        testId="pd-title"
        onChange={(v) => onChange(withSetting(config, 'title', v))}
      />
    </>
  );
}
