/**
 * The single window's tabs as plain data: which dialogs (and requests) are open, which one is on screen, what each
 * has unread. Pure functions, so the rules (the cap, which tab goes, where the focus lands) are tested alone.
 */
export type TabKind = 'dialog' | 'request';

export interface WindowTab {
  kind: TabKind;
  id: string;
  /** What the tab says before its dialog has loaded (the client's name, «№123»). */
  title: string;
  /** The dialog's channel, for its icon; null for a request. */
  channel: string | null;
  /** Client messages that came while the tab was not being read. */
  unread: number;
  /** When the operator last looked at it: the least recently used tab is the one a new one replaces. */
  usedAt: number;
}

export interface TabsState {
  tabs: WindowTab[];
  active: string | null;
}

/**
 * At most this many tabs: more than an operator's capacity (1–6) plus a couple of requests, few enough to read
 * the strip. Opening one more replaces the least recently used tab that is not on screen — no question asked,
 * since a closed dialog stays in the queues one click away.
 */
export const maxTabs = 8;
export const maxTitle = 120;

export const tabKey = (kind: TabKind, id: string): string => `${kind}:${id}`;
export const keyOf = (tab: Pick<WindowTab, 'kind' | 'id'>): string => tabKey(tab.kind, tab.id);
export const emptyTabs: TabsState = { tabs: [], active: null };

export interface OpenTab {
  kind: TabKind;
  id: string;
  title?: string;
  channel?: string | null;
}

/** Opens a tab (or brings an open one forward) and shows it; `evicted` is the tab it pushed out, if any. */
export function openTab(
  state: TabsState,
  open: OpenTab,
  now: number,
): { state: TabsState; evicted: WindowTab | null } {
  const key = tabKey(open.kind, open.id);
  const known = state.tabs.find((tab) => keyOf(tab) === key);
  if (known) {
    const tabs = state.tabs.map((tab) =>
      tab === known
        ? {
            ...tab,
            title: open.title ? open.title.slice(0, maxTitle) : tab.title,
            channel: open.channel ?? tab.channel,
            unread: 0,
            usedAt: now,
          }
        : tab,
    );
    return { state: { tabs, active: key }, evicted: null };
  }
  let tabs = state.tabs;
  let evicted: WindowTab | null = null;
  if (tabs.length >= maxTabs) {
    evicted = leastRecentlyUsed(tabs, state.active);
    tabs = tabs.filter((tab) => tab !== evicted);
  }
  const tab: WindowTab = {
    kind: open.kind,
    id: open.id,
    title: (open.title ?? '').slice(0, maxTitle),
    channel: open.channel ?? null,
    unread: 0,
    usedAt: now,
  };
  return { state: { tabs: [...tabs, tab], active: key }, evicted };
}

function leastRecentlyUsed(tabs: WindowTab[], active: string | null): WindowTab | null {
  let oldest: WindowTab | null = null;
  for (const tab of tabs)
    if (keyOf(tab) !== active && (oldest === null || tab.usedAt < oldest.usedAt)) oldest = tab;
  return oldest;
}

/** Closes a tab; when it was on screen, its right-hand neighbour takes its place (or the left one at the end). */
export function closeTab(state: TabsState, key: string): TabsState {
  const index = state.tabs.findIndex((tab) => keyOf(tab) === key);
  if (index < 0) return state;
  const tabs = state.tabs.filter((_, i) => i !== index);
  if (state.active !== key) return { ...state, tabs };
  const next = tabs[Math.min(index, tabs.length - 1)];
  return { tabs, active: next ? keyOf(next) : null };
}

/** Shows a tab: what it had unread is being read now. */
export function activateTab(state: TabsState, key: string, now: number): TabsState {
  if (!state.tabs.some((tab) => keyOf(tab) === key)) return state;
  return {
    active: key,
    tabs: state.tabs.map((tab) => (keyOf(tab) === key ? { ...tab, unread: 0, usedAt: now } : tab)),
  };
}

/** The tab `step` places after (or, negative, before) the active one, round the strip. */
export function neighbourKey(state: TabsState, step: number): string | null {
  if (state.tabs.length === 0) return null;
  const index = state.tabs.findIndex((tab) => keyOf(tab) === state.active);
  const from = index < 0 ? (step > 0 ? -1 : 0) : index;
  const n = state.tabs.length;
  const next = state.tabs[(((from + step) % n) + n) % n];
  return next ? keyOf(next) : null;
}

/** A client message came into a dialog's tab that is not being read: one more unread. */
export function addUnread(state: TabsState, dialogId: string): TabsState {
  const key = tabKey('dialog', dialogId);
  if (!state.tabs.some((tab) => keyOf(tab) === key)) return state;
  return {
    ...state,
    tabs: state.tabs.map((tab) => (keyOf(tab) === key ? { ...tab, unread: tab.unread + 1 } : tab)),
  };
}

/** A tab's title and channel as they become known (the dialog loaded); the same state when nothing changed. */
export function describeTab(state: TabsState, key: string, title: string, channel: string | null): TabsState {
  const tab = state.tabs.find((t) => keyOf(t) === key);
  const short = title.slice(0, maxTitle);
  if (!tab || (tab.title === short && tab.channel === channel)) return state;
  return { ...state, tabs: state.tabs.map((t) => (t === tab ? { ...t, title: short, channel } : t)) };
}

export const totalUnread = (state: TabsState): number => state.tabs.reduce((sum, tab) => sum + tab.unread, 0);

/** What is kept across a reload: the tabs (without their unread counts, which the server recounts) and the active one. */
export function serializeTabs(state: TabsState): string {
  return JSON.stringify({
    v: 1,
    active: state.active,
    tabs: state.tabs.map(({ kind, id, title, channel, usedAt }) => ({ kind, id, title, channel, usedAt })),
  });
}

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const channelPattern = /^[a-z]{1,20}$/;

/** The tabs read back from storage; anything malformed (another version, a hand edit) is left out, never trusted. */
export function restoreTabs(raw: string | null): TabsState {
  if (!raw || raw.length > 20_000) return emptyTabs;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return emptyTabs;
  }
  if (typeof data !== 'object' || data === null || (data as { v?: unknown }).v !== 1) return emptyTabs;
  const { tabs: rawTabs, active } = data as { tabs?: unknown; active?: unknown };
  if (!Array.isArray(rawTabs)) return emptyTabs;
  const tabs: WindowTab[] = [];
  for (const item of rawTabs.slice(0, maxTabs)) {
    if (typeof item !== 'object' || item === null) continue;
    const { kind, id, title, channel, usedAt } = item as Record<string, unknown>;
    if ((kind !== 'dialog' && kind !== 'request') || typeof id !== 'string' || !idPattern.test(id)) continue;
    if (tabs.some((tab) => tab.kind === kind && tab.id === id)) continue;
    tabs.push({
      kind,
      id,
      title: typeof title === 'string' ? title.slice(0, maxTitle) : '',
      channel: typeof channel === 'string' && channelPattern.test(channel) ? channel : null,
      unread: 0,
      usedAt: typeof usedAt === 'number' && Number.isFinite(usedAt) ? usedAt : 0,
    });
  }
  const activeKey = typeof active === 'string' && tabs.some((tab) => keyOf(tab) === active) ? active : null;
  return { tabs, active: activeKey ?? (tabs[0] ? keyOf(tabs[0]) : null) };
}
