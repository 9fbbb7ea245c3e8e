import type { Role } from '@opora/sdk';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { useStore } from '../lib/store';
import { useSession } from '../state/session';
import { refreshUnread, unreadStore } from './conversations/state/unread-store';
import './conversations/i18n';

/** Who works with conversations (the server's contact centre): the others never see the unread count. */
const contactCentre: readonly Role[] = ['admin', 'operator', 'supervisor'];

/** «Рабочее место» in the staff bar: the single window, with the count of unread conversations for those who answer. */
export function OperatorLink({ path }: { path: string }) {
  const session = useSession();
  const answers =
    session.status === 'signed-in' && session.user.roles.some((role) => contactCentre.includes(role));
  return <WindowLink path={path} counted={answers} />;
}

function WindowLink({ path, counted }: { path: string; counted: boolean }) {
  const { t } = useTranslation();
  const unread = useStore(unreadStore);
  useEffect(() => {
    if (counted) refreshUnread(0);
  }, [counted]);
  return (
    <Link
      to="/operator"
      className={path === '/operator' || path.startsWith('/operator/') ? 'active' : undefined}
      data-testid="nav-operator"
    >
      {t('header.operator')}
      {counted && unread > 0 && <span className="count">{unread > 99 ? '99+' : unread}</span>}
    </Link>
  );
}
