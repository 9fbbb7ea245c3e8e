import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CountField, LTextField, Problems } from '../../inputs';
import { type PanelProps, withSetting } from '../panel-types';

/** Latest articles with a tag: heading, the tag (as editors type it on articles), how many. */
export function ArticlesByTagPanel({ config, onChange, problems }: PanelProps<'articles-by-tag'>) {
  const { t } = useTranslation();
  const id = useId();
  const tagProblems = config.tag.trim() ? problems('/tag') : [t('pageDesigner.fields.tagRequired')];
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
      <label>
        {t('pageDesigner.fields.tag')}
        <input
          value={config.tag}
          maxLength={60}
          data-testid="pd-tag"
          placeholder={t('pageDesigner.fields.tagPlaceholder')}
          aria-invalid={tagProblems.length > 0}
          aria-describedby={id}
          onChange={(e) => onChange({ ...config, tag: e.target.value.replace(/^#/, '') })}
        />
        <Problems id={id} messages={tagProblems} />
      </label>
      <CountField
        label={t('pageDesigner.fields.articleCount')}
        value={config.count}
        problems={problems('/count')}
        testId="pd-count"
        onChange={(v) => onChange(withSetting(config, 'count', v))}
      />
    </>
  );
}
