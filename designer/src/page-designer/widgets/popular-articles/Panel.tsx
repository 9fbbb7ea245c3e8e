import { useTranslation } from 'react-i18next';
import { pick } from '../../widget-summary';
import { KeyPicker } from '../KeyPicker';
import { type PanelProps, withSetting } from '../panel-types';
import { CountSetting, TextSetting } from '../settings';

/** Most read articles: heading, how many, and optionally one knowledge-base section (with its subsections). */
export function PopularArticlesPanel({
  config,
  onChange,
  problems,
  lookups,
}: PanelProps<'popular-articles'>) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <TextSetting setting="title" config={config} onChange={onChange} problems={problems} />
      <CountSetting
        label={t('pageDesigner.fields.articleCount')}
        config={config}
        onChange={onChange}
        problems={problems}
      />
      <KeyPicker
        label={t('pageDesigner.fields.category')}
        value={config.category ?? ''}
        emptyLabel={t('pageDesigner.fields.allCategories')}
        options={
          lookups.categories?.map((c) => ({
            key: c.key,
            label: `${'\u00a0\u00a0'.repeat(c.depth)}${pick(c.title, i18n.language)}`,
          })) ?? null
        }
        failed={lookups.failed.includes('categories')}
        problems={problems('/category')}
        testId="pd-category"
        onChange={(key) => onChange(withSetting(config, 'category', key))}
      />
    </>
  );
}
