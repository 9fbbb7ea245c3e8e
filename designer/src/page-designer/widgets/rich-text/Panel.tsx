import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Problems } from '../../inputs';
import type { PanelProps } from '../panel-types';

// TipTap is loaded when a text widget is first edited, not with the designer.
const RichTextEditor = lazy(() => import('./RichTextEditor'));

/** Free text: edited as formatted text; the server sanitizes the HTML on save. */
export function RichTextPanel({ config, onChange, problems }: PanelProps<'rich-text'>) {
  const { t } = useTranslation();
  return (
    <>
      <span className="label">{t('pageDesigner.fields.richText')}</span>
      <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
        <RichTextEditor html={config.html} onChange={(html) => onChange({ ...config, html })} />
      </Suspense>
      <Problems messages={problems('/html')} />
      <p className="hint">{t('pageDesigner.fields.richTextHint')}</p>
    </>
  );
}
