import { useTranslation } from 'react-i18next';
import { CountField, LTextField } from '../../inputs';
import { pick } from '../../widget-summary';
import { KeyPicker } from '../KeyPicker';
import { type PanelProps, withSetting } from '../panel-types';

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
      <LTextField
        label={t('pageDesigner.fields.title')}
        optional
        value={config.title}
        problems={problems('/title')}
        testId="pd-title"
        onChange={(v) => onChange(withSetting(config, 'title', v))}
      />
      <CountField
        label={t('pageDesigner.fields.articleCount')}
        value={config.count}
        problems={problems('/count')}
        testId="pd-count"
        onChange={(v) => onChange(withSetting(config, 'count', v))}
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
