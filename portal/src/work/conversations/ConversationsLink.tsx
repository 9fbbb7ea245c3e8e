import type { Role } from '@opora/sdk';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { useStore } from '../../lib/store';
import { useSession } from '../../state/session';
import { conversationsPath } from './paths';
import { refreshUnread, unreadStore } from './state/unread-store';
import './i18n';

/** Who works with conversations (the server's contact centre): the others never see the link. */
const contactCentre: readonly Role[] = ['admin', 'operator', 'supervisor'];

/** «Диалоги» in the staff bar, with the count of unread conversations. */
export function ConversationsLink({ path }: { path: string }) {
  const session = useSession();
  const allowed =
    session.status === 'signed-in' && session.user.roles.some((role) => contactCentre.includes(role));
  return allowed ? <CountedLink path={path} /> : null;
}

function CountedLink({ path }: { path: string }) {
  const { t } = useTranslation();
  const unread = useStore(unreadStore);
  useEffect(() => refreshUnread(0), []);
  return (
    <Link
      to={conversationsPath}
      className={path.startsWith(conversationsPath) ? 'active' : undefined}
      data-testid="nav-conversations"
    >
      {t('conversations.title')}
      {unread > 0 && <span className="count">{unread > 99 ? '99+' : unread}</span>}
    </Link>
  );
}
