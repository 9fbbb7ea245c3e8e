import { renderLocalized, type TemplateValues, templateVariableInfo } from '@opora/runtime/templates';
import { useTranslation } from 'react-i18next';

type LText = { ru: string; en?: string };

/** The answer as a client would read it, in both languages, with sample values and without a client name. */
export function TemplatePreview({ text }: { text: LText | undefined }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'en' ? 'en' : 'ru';
  const sample = (locale: 'ru' | 'en'): TemplateValues => ({
    clientName: templateVariableInfo['client.name'].sample[locale],
    operatorName: templateVariableInfo['operator.name'].sample[locale],
    companyName: templateVariableInfo['company.name'].sample[locale],
  });
  const langs = (['ru', 'en'] as const).filter((lang) => text?.[lang]?.trim());
  return (
    <section className="tpl-preview" aria-live="polite" data-testid="template-preview">
      <h2>{t('templateDesigner.preview')}</h2>
      <p className="hint">
        {t('templateDesigner.previewHint', {
          client: templateVariableInfo['client.name'].sample[ui],
          operator: templateVariableInfo['operator.name'].sample[ui],
        })}
      </p>
      {!text || langs.length === 0 ? (
        <p className="muted">{t('templateDesigner.previewEmpty')}</p>
      ) : (
        langs.map((lang) => (
          <div key={lang} className="tpl-bubbles">
            <span className="tpl-lang">{t(`common.lang.${lang}`)}</span>
            <p className="tpl-bubble" lang={lang} data-testid={`template-preview-${lang}`}>
              {renderLocalized(text, sample(lang), lang)}
            </p>
            <p className="tpl-bubble tpl-bubble-plain">
              <span className="muted">{t('templateDesigner.previewWithout')}: </span>
              <span lang={lang}>
                {renderLocalized(text, { operatorName: sample(lang).operatorName }, lang)}
              </span>
            </p>
          </div>
        ))
      )}
    </section>
  );
}
