import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maxTabs } from './tabs';

/** The browser's storage, as a plain map: the window keeps each user's tabs there. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

describe('the window’s tabs in the browser', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
    // Dialogs load over the network, which a unit test has not: the stores keep the error, the tabs are unaffected.
    vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps each user’s tabs and active tab across a reload', async () => {
    const first = await import('./window-store');
    const { readingStore } = await import('../../work/conversations/state/thread-store');
    const stop = first.bindTabs('u1');
    first.openDialog('d1', 'Анна', 'telegram');
    first.openDialog('d2', 'Борис', 'widget');
    first.open({ kind: 'request', id: 'r1', title: '№1' });
    first.activate('dialog:d1');
    expect(readingStore.get()).toBe('d1');
    stop();

    vi.resetModules();
    const reloaded = await import('./window-store');
    reloaded.bindTabs('u1');
    const { tabs, active } = reloaded.tabsStore.get();
    expect(tabs.map((tab) => `${tab.kind}:${tab.id}:${tab.title}`)).toEqual([
      'dialog:d1:Анна',
      'dialog:d2:Борис',
      'request:r1:№1',
    ]);
    expect(active).toBe('dialog:d1');

    vi.resetModules();
    const other = await import('./window-store');
    other.bindTabs('u2');
    expect(other.tabsStore.get().tabs).toEqual([]);
  });

  it('counts a client message in a background tab, not in the one being read, and clears it on showing', async () => {
    const w = await import('./window-store');
    w.bindTabs('u1');
    w.openDialog('a');
    w.openDialog('b');
    expect(w.noteIncoming('a', true)).toBe(true);
    expect(w.noteIncoming('b', true)).toBe(false);
    // The browser tab is hidden: the dialog on screen counts too.
    expect(w.noteIncoming('b', false)).toBe(true);
    expect(w.noteIncoming('not-open', true)).toBe(false);
    expect(w.tabsStore.get().tabs.map((tab) => tab.unread)).toEqual([1, 1]);
    w.clearActiveUnread();
    w.step(1);
    expect(w.tabsStore.get().tabs.map((tab) => tab.unread)).toEqual([0, 0]);
    expect(w.activeDialog()).toBe('a');
  });

  it('forgets a closed or replaced dialog’s draft, keeps the others', async () => {
    const w = await import('./window-store');
    const drafts = await import('../../work/conversations/state/draft-store');
    w.bindTabs('u1');
    for (let i = 1; i <= maxTabs; i++) w.openDialog(`d${i}`);
    drafts.keepDraft('d1', 'черновик 1');
    drafts.keepDraft('d2', 'черновик 2');
    w.close('dialog:d2');
    expect(drafts.draftOf('d2')).toBe('');
    w.openDialog('d9');
    w.openDialog('d10');
    // d1 was the least recently used and went for the tenth.
    expect(w.tabsStore.get().tabs.some((tab) => tab.id === 'd1')).toBe(false);
    expect(drafts.draftOf('d1')).toBe('');
    expect(w.tabsStore.get().tabs).toHaveLength(maxTabs);
  });
});
