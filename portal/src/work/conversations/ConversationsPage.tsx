import { useEffect } from 'react';
import { navigate, usePath } from '../../lib/router';
import { requestDialog } from '../../operator/tabs/window-store';
import { useSession } from '../../state/session';
import { conversationsPath } from './paths';

/**
 * «Диалоги» moved into the operator's window: an old address (`/operator/conversations[/:id]`, links in client
 * cards and escalated dialogs) leads there, with that dialog open in a tab.
 */
export function ConversationsPage() {
  const path = usePath();
  const session = useSession();
  useEffect(() => {
    if (session.status === 'anonymous') {
      navigate(`/login?${new URLSearchParams({ next: path })}`, true);
      return;
    }
    if (session.status !== 'signed-in') return;
    const id = path.startsWith(`${conversationsPath}/`)
      ? decodeURIComponent(path.slice(conversationsPath.length + 1).split(/[?#/]/)[0] ?? '')
      : '';
    if (/^[A-Za-z0-9_-]{1,64}$/.test(id)) requestDialog(id);
    navigate('/operator', true);
  }, [session.status, path]);
  return null;
}
