import { createStore } from '../../lib/store';
import { dropDraft } from '../../work/conversations/state/draft-store';
import {
  dropThread,
  openThread,
  refreshCachedThreads,
  setReading,
} from '../../work/conversations/state/thread-store';
import {
  activateTab,
  addUnread,
  closeTab,
  describeTab,
  emptyTabs,
  keyOf,
  neighbourKey,
  type OpenTab,
  openTab,
  restoreTabs,
  serializeTabs,
  type TabsState,
  tabKey,
  type WindowTab,
} from './tabs';

/** The window's tabs; one per signed-in user in the browser's storage, so a reload finds them again. */
export const tabsStore = createStore<TabsState>(emptyTabs);

/** On a narrow screen one pane shows at a time: the queues or the open tab. */
export const paneStore = createStore<'queues' | 'tab'>('queues');

const storageKey = (userId: string) => `opora.operator.tabs.${userId}`;
let boundUser: string | null = null;
let unsubscribe: (() => void) | null = null;
/** A dialog an old link (`/operator/conversations/:id`) asked for, opened once the user's tabs are read back. */
let pendingDialog: string | null = null;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Reads the user's tabs back and keeps saving them; loads every open dialog once, so the first switch to any tab
 * is already instant. Returns a function that stops saving.
 */
export function bindTabs(userId: string): () => void {
  if (boundUser !== userId) {
    boundUser = userId;
    tabsStore.set(restoreTabs(storage()?.getItem(storageKey(userId)) ?? null));
    for (const tab of tabsStore.get().tabs) if (tab.kind === 'dialog') void openThread(tab.id);
  } else {
    // Back from another screen: the socket was closed meanwhile, so the cached dialogs are read again.
    refreshCachedThreads();
  }
  unsubscribe?.();
  let saved = serializeTabs(tabsStore.get());
  const stop = tabsStore.subscribe(() => {
    const next = serializeTabs(tabsStore.get());
    if (next === saved) return;
    saved = next;
    try {
      storage()?.setItem(storageKey(userId), next);
    } catch {
      // A full or refused storage loses only the tabs of the next reload.
    }
  });
  unsubscribe = stop;
  followActive();
  if (pendingDialog) {
    const id = pendingDialog;
    pendingDialog = null;
    openDialog(id);
  }
  return () => {
    stop();
    if (unsubscribe === stop) unsubscribe = null;
    setReading(null);
  };
}

/** The active tab's dialog (if it is a dialog) is the one being read. */
function followActive(): void {
  setReading(activeDialog());
}

export function activeTab(): WindowTab | null {
  const { tabs, active } = tabsStore.get();
  return tabs.find((tab) => keyOf(tab) === active) ?? null;
}

export function activeDialog(): string | null {
  const tab = activeTab();
  return tab?.kind === 'dialog' ? tab.id : null;
}

function forget(tab: WindowTab | null): void {
  if (tab?.kind !== 'dialog') return;
  dropThread(tab.id);
  dropDraft(tab.id);
}

/** Opens a dialog or a request in a tab and shows it. */
export function open(tab: OpenTab): void {
  const result = openTab(tabsStore.get(), tab, Date.now());
  tabsStore.set(result.state);
  forget(result.evicted);
  paneStore.set('tab');
  if (tab.kind === 'dialog') void openThread(tab.id);
  followActive();
}

/** Opens a dialog in the window, now if it is on screen, else when it next binds (an old link leading there). */
export function requestDialog(id: string): void {
  if (unsubscribe) openDialog(id);
  else pendingDialog = id;
}

export function openDialog(id: string, title?: string, channel?: string | null): void {
  open({ kind: 'dialog', id, title, channel });
}

export function activate(key: string): void {
  tabsStore.set(activateTab(tabsStore.get(), key, Date.now()));
  paneStore.set('tab');
  followActive();
}

export function close(key: string): void {
  const tab = tabsStore.get().tabs.find((t) => keyOf(t) === key) ?? null;
  tabsStore.set(closeTab(tabsStore.get(), key));
  forget(tab);
  if (!tabsStore.get().active) paneStore.set('queues');
  followActive();
}

export function closeActive(): void {
  const { active } = tabsStore.get();
  if (active) close(active);
}

/** Alt+↓ / Alt+↑: the next or previous tab, round the strip. */
export function step(delta: number): void {
  const key = neighbourKey(tabsStore.get(), delta);
  if (key) activate(key);
}

/**
 * A client message came into a dialog: its tab (if open) counts it unless the operator is reading it now.
 * Returns whether it was counted, for the sound.
 */
export function noteIncoming(dialogId: string, visible: boolean): boolean {
  const state = tabsStore.get();
  if (!state.tabs.some((tab) => keyOf(tab) === tabKey('dialog', dialogId))) return false;
  if (visible && state.active === tabKey('dialog', dialogId)) return false;
  tabsStore.set(addUnread(state, dialogId));
  return true;
}

/** When the browser tab is in view again, the dialog on screen has been read. */
export function clearActiveUnread(): void {
  const { active } = tabsStore.get();
  if (active) tabsStore.set(activateTab(tabsStore.get(), active, Date.now()));
}

export function describe(
  kind: 'dialog' | 'request',
  id: string,
  title: string,
  channel: string | null,
): void {
  tabsStore.set(describeTab(tabsStore.get(), tabKey(kind, id), title, channel));
}
