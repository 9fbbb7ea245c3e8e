import type { PortalBody } from '@opora/runtime/definitions';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import { Problems } from '../page-designer/inputs';
import { MenuEditor } from './MenuEditor';
import { type Edit, optional } from './portal-edit';
import type { PortalLookups } from './use-portal-lookups';

/** The home page, the menu and the footer: how visitors find their way around the portal. */
export function NavigationSection({
  body,
  edit,
  at,
  lookups,
}: {
  body: PortalBody;
  edit: Edit;
  at: (p: string) => string[];
  lookups: PortalLookups;
}) {
  const { t } = useTranslation();
  const id = useId();
  const pages = lookups.pages;
  const known = !body.homePage || pages?.some((p) => p.key === body.homePage);
  const chosen = pages?.find((p) => p.key === body.homePage);
  const homeProblems = [
    ...(chosen && chosen.path === null ? [t('portalSettings.home.unpublished')] : []),
    ...at('/homePage'),
  ];
  return (
    <section className="card ps-section" aria-labelledby="ps-navigation">
      <h2 id="ps-navigation">{t('portalSettings.navigation')}</h2>
      <label>
        {t('portalSettings.home.label')}
        <select
          value={body.homePage ?? ''}
          data-testid="ps-home-page"
          disabled={!pages}
          aria-describedby={id}
          onChange={(e) => edit((b) => optional(b, 'homePage', e.target.value || undefined))}
        >
          <option value="">{pages ? t('portalSettings.home.none') : t('common.loading')}</option>
          {!known && body.homePage && <option value={body.homePage}>{body.homePage}</option>}
          {pages?.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name} {p.path ? `(${p.path})` : t('portalSettings.home.draftOnly')}
            </option>
          ))}
        </select>
        <span className="hint" id={id}>
          {lookups.failed.includes('pages') ? t('portalSettings.loadFailed') : t('portalSettings.home.hint')}
        </span>
        <Problems messages={homeProblems} />
      </label>
      <h3>{t('portalSettings.menu.title')}</h3>
      <MenuEditor body={body} edit={edit} at={at} pages={pages} />
      <h3>{t('portalSettings.footer')}</h3>
      <LocalizedInput
        classPrefix="pd"
        label={t('portalSettings.footerText')}
        optional
        multiline
        value={body.footer}
        problems={at('/footer')}
        testId="ps-footer"
        onChange={(footer) => edit((b) => optional(b, 'footer', footer))}
      />
    </section>
  );
}
