import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { useStore } from '../../lib/store';
import { conversationsPath } from './paths';
import { unreadStore } from './state/unread-store';
import './i18n';

/** «Диалоги» in the staff bar, with the count of unread conversations once it is known. */
export function ConversationsLink({ path }: { path: string }) {
  const { t } = useTranslation();
  const unread = useStore(unreadStore);
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
