import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { Icon } from '../site/Icon';
import { accountPaths } from './account-paths';
import { useNotifications } from './state/notifications';
import './i18n';
import './account.css';

/** The header's way to the notifications, with how many are unread (updated live). */
export function NotificationBell({ onClick }: { onClick?: () => void }) {
  const { t } = useTranslation();
  const { unread } = useNotifications();
  return (
    <Link
      to={accountPaths.notifications}
      className="notification-bell"
      onClick={onClick}
      aria-label={t('myAccount.notifications.badge', { count: unread })}
      data-testid="notification-bell"
    >
      <Icon name="bell" />
      {unread > 0 && (
        <span className="bell-count" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
