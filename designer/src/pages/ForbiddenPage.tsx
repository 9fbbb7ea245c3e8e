import type { Role } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { homePath, mayUseTool } from '../lib/access';

/** A page the user's roles may not use, opened by its address: who may, and the ways on from here. */
export function ForbiddenPage({ allowed, roles }: { allowed: readonly Role[]; roles: readonly Role[] }) {
  const { t } = useTranslation();
  const names = (list: readonly Role[]) => list.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <div className="page narrow forbidden" data-testid="forbidden-page">
      <h1>{t('shell.forbiddenTitle')}</h1>
      <p>{t('shell.forbiddenText', { allowed: names(allowed) })}</p>
      <p className="muted">
        {roles.length > 0 ? t('shell.yourRoles', { roles: names(roles) }) : t('shell.noRoles')}{' '}
        {t('shell.askAdmin')}
      </p>
      <div className="actions left">
        <Link to={homePath(roles)} className="btn primary" testId="forbidden-home">
          {t('shell.toDesignerHome')}
        </Link>
        {mayUseTool(roles, 'operator') && (
          <a className="btn" href="/operator">
            {t('shell.operator')}
          </a>
        )}
        <a className="btn" href="/">
          {t('shell.portal')}
        </a>
      </div>
    </div>
  );
}
