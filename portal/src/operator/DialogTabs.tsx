import type { ChannelType } from '@opora/runtime/conversations';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../lib/store';
import { ChannelLabel } from '../work/conversations/ChannelLabel';
import { keyOf, type WindowTab } from './tabs/tabs';
import { activate, close, tabsStore } from './tabs/window-store';

const channels = new Set(['widget', 'telegram', 'email', 'webhook', 'portal']);

/** The strip of open dialogs and requests: channel, name, unread count, a close button; ←/→ move along it. */
export function DialogTabs() {
  const { t } = useTranslation();
  const { tabs, active } = useStore(tabsStore);
  if (tabs.length === 0) return null;
  const onKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step || event.altKey || event.ctrlKey) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (next) {
      activate(keyOf(next));
      document.getElementById(tabId(next))?.focus();
    }
  };
  return (
    <div
      className="dialog-tabs"
      role="tablist"
      aria-label={t('operatorWindow.tabs')}
      data-testid="dialog-tabs"
    >
      {tabs.map((tab, index) => {
        const key = keyOf(tab);
        const selected = key === active;
        const title = tab.title || t('operatorWindow.loadingTab');
        return (
          <div
            key={key}
            className={`dialog-tab${selected ? ' active' : ''}${tab.unread > 0 ? ' unread' : ''}`}
            data-testid={`${tab.kind === 'dialog' ? 'dialog' : 'request'}-tab-${tab.id}`}
            data-active={selected}
          >
            <button
              type="button"
              role="tab"
              id={tabId(tab)}
              aria-selected={selected}
              tabIndex={selected ? 0 : -1}
              className="dialog-tab-open"
              title={title}
              onClick={() => activate(key)}
              onKeyDown={(event) => onKey(event, index)}
            >
              {tab.channel && channels.has(tab.channel) ? (
                <ChannelLabel channel={tab.channel as ChannelType} compact />
              ) : (
                <span className="channel-label" aria-hidden="true">
                  ▤
                </span>
              )}
              <span className="dialog-tab-title">{title}</span>
              {tab.unread > 0 && (
                <span
                  className="dialog-tab-unread"
                  data-testid="dialog-tab-unread"
                  title={t('operatorWindow.unreadTab', { count: tab.unread })}
                >
                  {tab.unread > 99 ? '99+' : tab.unread}
                </span>
              )}
            </button>
            <button
              type="button"
              className="dialog-tab-close"
              aria-label={t('operatorWindow.closeTab', { title })}
              title={t('operatorWindow.closeTab', { title })}
              onClick={() => close(key)}
              data-testid="dialog-tab-close"
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}

const tabId = (tab: WindowTab) => `window-tab-${tab.kind}-${tab.id}`;
