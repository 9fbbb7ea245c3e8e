import { validateDefinitionBody } from '@opora/runtime/definitions';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LinesField } from '../components/LinesField';
import { LocalizedInput } from '../components/LocalizedInput';
import type { EditorProblem } from '../state/use-definition-draft';
import { LinesPicker } from './LinesPicker';
import { TemplatePreview } from './TemplatePreview';
import { TemplateTextField } from './TemplateTextField';
import './template-designer.css';
import './i18n';

type LText = { ru: string; en?: string };

/**
 * An answer template as a form: title, text in both languages with the variables as chips and a live preview,
 * the `/shortcut`, tags and the lines it is offered on. Every change goes back into the draft body, so saving,
 * publishing and the JSON tab work as for every kind; problems (the runtime's own check, the one the server runs,
 * plus the server's last refusal) show at their fields.
 */
export function TemplateForm({
  body,
  problems,
  onChange,
}: {
  body: Record<string, unknown>;
  problems: EditorProblem[];
  onChange: (body: Record<string, unknown>) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  const local = useMemo(() => validateDefinitionBody('template', body, locale), [body, locale]);
  const at = (pointer: string) => {
    const messages = [...local, ...problems.filter((p) => p.source === 'server')]
      .filter((p) => p.pointer === pointer || p.pointer?.startsWith(`${pointer}/`))
      .map((p) => p.message);
    return [...new Set(messages)];
  };
  const set = (patch: Record<string, unknown>) => {
    const next = { ...body, ...patch };
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
    onChange(next);
  };
  const text = body.text as LText | undefined;
  const shortcut = typeof body.shortcut === 'string' ? body.shortcut : '';
  const tags = Array.isArray(body.tags) ? (body.tags as string[]) : [];
  const lines = Array.isArray(body.lines) ? (body.lines as string[]) : [];
  const shortcutProblem = at('/shortcut')[0];
  return (
    <div className="tpl-layout" data-testid="template-form">
      <div className="form tpl-form">
        <div className="tpl-field">
          <LocalizedInput
            label={t('templateDesigner.title')}
            value={body.title as LText | undefined}
            onChange={(title) => set({ title })}
            problems={at('/title')}
            testId="template-title"
            classPrefix="cd"
          />
          <span className="hint">{t('templateDesigner.titleHint')}</span>
        </div>
        <TemplateTextField
          value={text}
          onChange={(next) => set({ text: next })}
          problems={{ ru: [...at('/text/ru'), ...at('/text').filter(() => !text?.ru)], en: at('/text/en') }}
        />
        <label className="tpl-field">
          {t('templateDesigner.shortcut')}
          <span className="tpl-shortcut">
            <span aria-hidden="true">/</span>
            <input
              value={shortcut}
              maxLength={32}
              aria-invalid={Boolean(shortcutProblem)}
              onChange={(event) => set({ shortcut: event.target.value.trim() || undefined })}
              data-testid="template-shortcut"
            />
          </span>
          <span className="hint">{t('templateDesigner.shortcutHint')}</span>
          {shortcutProblem && <span className="field-error">{t('templateDesigner.shortcutBad')}</span>}
        </label>
        <LinesField
          label={t('templateDesigner.tags')}
          value={tags}
          rows={3}
          hint={t('templateDesigner.tagsHint')}
          problem={at('/tags')[0]}
          onChange={(entries) => set({ tags: entries.length ? entries : undefined })}
          testId="template-tags"
        />
        <LinesPicker value={lines} onChange={(next) => set({ lines: next })} problem={at('/lines')[0]} />
      </div>
      <TemplatePreview text={text} />
    </div>
  );
}
