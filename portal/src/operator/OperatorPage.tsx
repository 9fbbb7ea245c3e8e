import type { ConversationListItem, MessageView } from '@opora/sdk';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../lib/store';
import { isStaff } from '../state/session';
import { useSignedInUser } from '../state/use-signed-in-user';
import { ConversationList } from '../work/conversations/ConversationList';
import { ConversationThread } from '../work/conversations/ConversationThread';
import { contactName } from '../work/conversations/contact-name';
import { DialogSide } from '../work/conversations/side/DialogSide';
import { askComposer } from '../work/conversations/state/composer-commands';
import { askDialogMenu } from '../work/conversations/state/dialog-menu-request';
import { listStore } from '../work/conversations/state/list-store';
import { threadStoreFor } from '../work/conversations/state/thread-store';
import { titleWithUnread, unreadStore } from '../work/conversations/state/unread-store';
import { useConversationsLive } from '../work/conversations/state/use-conversations-live';
import { DialogTabs } from './DialogTabs';
import { ShortcutsHelp } from './keys/ShortcutsHelp';
import type { ShortcutAction } from './keys/shortcuts';
import { useShortcuts } from './keys/use-shortcuts';
import { beep, mutedStore, setMuted } from './notify/beep';
import { isNewClientMessage } from './notify/incoming';
import { RequestQueue } from './RequestQueue';
import { RequestTab } from './RequestTab';
import { keyOf, maxTabs } from './tabs/tabs';
import {
  activeDialog,
  bindTabs,
  clearActiveUnread,
  closeActive,
  describe,
  noteIncoming,
  openDialog,
  paneStore,
  step,
  tabsStore,
} from './tabs/window-store';
import '../work/conversations/conversations.css';
import '../work/conversations/distribution.css';
import '../work/conversations/i18n';
import '../work/conversations/distribution-i18n';
import './i18n';
import './window-i18n';
import './window.css';

/** The operator's single window, for staff only: a visitor is sent to sign in before anything is asked for. */
export function OperatorPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  if (!user) return null;
  if (!isStaff(user)) return <p className="empty">{t('operator.staffOnly')}</p>;
  return <OperatorWindow userId={user.id} />;
}

/**
 * Queues on the left (dialogs, then the queue's requests), the open dialogs as tabs in the middle, the client
 * beside them. Every open dialog keeps its own store, so switching tabs redraws from memory without a request.
 */
function OperatorWindow({ userId }: { userId: string }) {
  const { t } = useTranslation();
  useEffect(() => bindTabs(userId), [userId]);
  const { tabs, active } = useStore(tabsStore);
  const pane = useStore(paneStore);
  const { filter } = useStore(listStore);
  const muted = useStore(mutedStore);
  const [help, setHelp] = useState(false);
  const [side, setSide] = useState(false);
  const tab = tabs.find((candidate) => keyOf(candidate) === active) ?? null;

  useConversationsLive(
    useCallback((message: MessageView) => {
      if (!isNewClientMessage(message)) return;
      const visible = document.visibilityState === 'visible';
      const counted = noteIncoming(message.conversationId, visible);
      if (counted || !visible) beep();
    }, []),
  );
  useWindowTitle(t('operatorWindow.title'));
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') clearActiveUnread();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  useShortcuts((action: ShortcutAction) => {
    if (action === 'next') step(1);
    else if (action === 'previous') step(-1);
    else if (action === 'close') closeActive();
    else if (action === 'help') setHelp((open) => !open);
    else if (action === 'transfer') {
      const id = activeDialog();
      if (id) askDialogMenu(id);
    } else askComposer(action);
  });

  const onOpen = (item: ConversationListItem) =>
    openDialog(item.id, contactName(item.contact, t('conversations.anonymous')), item.channel);
  const queue = filter === 'mine' ? 'mine' : 'team';
  const dialogId = tab?.kind === 'dialog' ? tab.id : null;
  return (
    <div
      className={`conversations operator-window${tab && pane === 'tab' ? ' has-detail' : ''}${dialogId ? ' with-side' : ''}${side ? ' side-open' : ''}`}
      data-testid="operator-window"
    >
      <h1 className="sr-only">{t('operatorWindow.title')}</h1>
      <ConversationList selected={dialogId} onOpen={onOpen}>
        <RequestQueue queue={queue} userId={userId} />
      </ConversationList>
      <div className="detail-pane thread-pane window-main">
        <div className="window-toolbar">
          <DialogTabs />
          <div className="window-tools">
            {dialogId && (
              <button
                type="button"
                className="btn ghost small side-toggle"
                aria-expanded={side}
                onClick={() => setSide((open) => !open)}
                title={t(side ? 'operatorWindow.sideHide' : 'operatorWindow.sideShow')}
                data-testid="side-toggle"
              >
                {t('operatorWindow.side')}
              </button>
            )}
            <button
              type="button"
              className={`btn ghost small sound-toggle${muted ? ' muted' : ''}`}
              aria-pressed={!muted}
              aria-label={t(muted ? 'operatorWindow.sound.off' : 'operatorWindow.sound.on')}
              title={t(muted ? 'operatorWindow.sound.off' : 'operatorWindow.sound.on')}
              onClick={() => setMuted(!muted)}
              data-testid="sound-toggle"
            >
              {/* A text symbol, not an emoji: staff machines without an emoji font would show an empty box. */}
              <span aria-hidden="true">♪</span>
            </button>
            <ShortcutsHelp open={help} onToggle={setHelp} />
          </div>
        </div>
        {tab?.kind === 'dialog' ? (
          <ConversationThread key={tab.id} id={tab.id} onBack={() => paneStore.set('queues')} />
        ) : tab?.kind === 'request' ? (
          <RequestTab key={tab.id} id={tab.id} />
        ) : (
          <p className="empty">{t('operatorWindow.pick', { max: maxTabs })}</p>
        )}
      </div>
      {dialogId && (
        <aside className="window-side" aria-label={t('operatorWindow.side')} data-testid="dialog-side">
          <Side key={dialogId} id={dialogId} />
        </aside>
      )}
    </div>
  );
}

/** The side column of a dialog, once it has loaded; it also names the dialog's tab. */
function Side({ id }: { id: string }) {
  const { t } = useTranslation();
  const { conversation, contact, messages } = useStore(threadStoreFor(id));
  const name = contactName(contact ?? undefined, t('conversations.anonymous'));
  const channel = conversation?.channel ?? null;
  useEffect(() => {
    if (channel) describe('dialog', id, name, channel);
  }, [id, name, channel]);
  if (!conversation) return null;
  return (
    <DialogSide
      conversation={conversation}
      contact={contact}
      lastClientSeq={messages.findLast((m) => m.authorKind === 'client')?.seq}
    />
  );
}

/** «(3) Рабочее место оператора» while client messages wait unread; the page's own title comes back on leaving. */
function useWindowTitle(title: string): void {
  const unread = useStore(unreadStore);
  const before = useRef<string | null>(null);
  useEffect(() => {
    before.current ??= document.title;
    document.title = titleWithUnread(title, unread);
  }, [title, unread]);
  useEffect(
    () => () => {
      if (before.current !== null) document.title = before.current;
    },
    [],
  );
}
