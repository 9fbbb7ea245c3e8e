import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { useSession } from '../state/session';
import './i18n';

export const supervisorPath = '/supervisor';

/** «Супервизор» in the staff bar, for supervisors and admins only. */
export function SupervisorLink({ path }: { path: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const allowed =
    session.status === 'signed-in' &&
    session.user.roles.some((role) => role === 'supervisor' || role === 'admin');
  if (!allowed) return null;
  return (
    <Link
      to={supervisorPath}
      className={path.startsWith(supervisorPath) ? 'active' : undefined}
      data-testid="nav-supervisor"
    >
      {t('supervisor.nav')}
    </Link>
  );
}
