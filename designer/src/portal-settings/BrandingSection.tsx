import type { PortalBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import { LogoField } from './LogoField';
import { type Edit, optional } from './portal-edit';

/** The portal's name, tagline and logo. */
export function BrandingSection({
  body,
  edit,
  at,
}: {
  body: PortalBody;
  edit: Edit;
  at: (p: string) => string[];
}) {
  const { t } = useTranslation();
  return (
    <section className="card ps-section" aria-labelledby="ps-branding">
      <h2 id="ps-branding">{t('portalSettings.branding')}</h2>
      <LocalizedInput
        classPrefix="pd"
        label={t('portalSettings.name')}
        value={body.name}
        problems={at('/name')}
        testId="ps-name"
        onChange={(name) => edit((b) => ({ ...b, name: name ?? { ru: '' } }))}
      />
      <LocalizedInput
        classPrefix="pd"
        label={t('portalSettings.tagline')}
        optional
        value={body.tagline}
        problems={at('/tagline')}
        testId="ps-tagline"
        onChange={(tagline) => edit((b) => optional(b, 'tagline', tagline))}
      />
      <LogoField
        value={body.logo}
        problems={at('/logo')}
        onChange={(logo) => edit((b) => optional(b, 'logo', logo))}
      />
    </section>
  );
}
