import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Problems } from '../../inputs';
import type { PanelProps } from '../panel-types';
import { CountSetting, TextSetting } from '../settings';

/** Latest articles with a tag: heading, the tag (as editors type it on articles), how many. */
export function ArticlesByTagPanel({ config, onChange, problems }: PanelProps<'articles-by-tag'>) {
  const { t } = useTranslation();
  const id = useId();
  const tagProblems = config.tag.trim() ? problems('/tag') : [t('pageDesigner.fields.tagRequired')];
  return (
    <>
      <TextSetting setting="title" config={config} onChange={onChange} problems={problems} />
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
      <CountSetting
        label={t('pageDesigner.fields.articleCount')}
        config={config}
        onChange={onChange}
        problems={problems}
      />
    </>
  );
}
