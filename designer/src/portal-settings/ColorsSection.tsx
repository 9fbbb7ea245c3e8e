import type { PortalBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { ColorField } from './ColorField';
import { contrastRatio, minContrast, portalDefaults } from './contrast';
import type { Edit } from './portal-edit';

type Colors = PortalBody['colors'];
type Key = keyof Colors;

/** Brand colours with a sample of the portal header, and a warning when its text would be hard to read. */
export function ColorsSection({
  body,
  edit,
  at,
}: {
  body: PortalBody;
  edit: Edit;
  at: (p: string) => string[];
}) {
  const { t, i18n } = useTranslation();
  const colors = body.colors;
  const set = (key: Key, value: string | undefined) =>
    edit((b) => {
      const next: Colors = { ...b.colors };
      if (value) next[key] = value;
      else if (key !== 'primary') delete next[key];
      return { ...b, colors: next };
    });
  const header = colors.header ?? portalDefaults.header;
  const headerText = colors.headerText ?? portalDefaults.headerText;
  const ratio = contrastRatio(header, headerText);
  const name = i18n.language === 'en' && body.name.en ? body.name.en : body.name.ru;
  const field = (key: Key, fallback: string) => (
    <ColorField
      label={t(`portalSettings.colors.${key}`)}
      value={colors[key]}
      fallback={fallback}
      optional={key !== 'primary'}
      problems={at(`/colors/${key}`)}
      testId={`ps-color-${key}`}
      onChange={(v) => set(key, v)}
    />
  );
  return (
    <section className="card ps-section" aria-labelledby="ps-colors">
      <h2 id="ps-colors">{t('portalSettings.colors.title')}</h2>
      <div className="ps-color-grid">
        {field('primary', '#2563eb')}
        {field('accent', colors.primary)}
        {field('header', portalDefaults.header)}
        {field('headerText', portalDefaults.headerText)}
      </div>
      <div className="ps-sample" aria-hidden="true" style={{ background: header, color: headerText }}>
        <strong>{name}</strong>
        <span className="ps-sample-link">{t('portalSettings.colors.sampleLink')}</span>
        <span className="ps-sample-button" style={{ background: colors.primary }}>
          {t('portalSettings.colors.sampleButton')}
        </span>
        {colors.accent && <span className="ps-sample-dot" style={{ background: colors.accent }} />}
      </div>
      {ratio < minContrast ? (
        <div className="banner warn" role="status" data-testid="ps-contrast-warning">
          {t('portalSettings.colors.lowContrast', { ratio: ratio.toFixed(1), min: minContrast })}
        </div>
      ) : (
        <p className="hint">{t('portalSettings.colors.contrastOk', { ratio: ratio.toFixed(1) })}</p>
      )}
    </section>
  );
}
