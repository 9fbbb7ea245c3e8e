import { describe, expect, it } from 'vitest';
import {
  activateTab,
  addUnread,
  closeTab,
  emptyTabs,
  maxTabs,
  neighbourKey,
  openTab,
  restoreTabs,
  serializeTabs,
  type TabsState,
  totalUnread,
} from './tabs';

const openMany = (n: number, from: TabsState = emptyTabs): TabsState => {
  let state = from;
  for (let i = 1; i <= n; i++)
    state = openTab(state, { kind: 'dialog', id: `d${i}`, title: `Клиент ${i}` }, i).state;
  return state;
};

describe('the single window’s tabs', () => {
  it('opens a dialog once and shows it; opening it again brings it forward', () => {
    let state = openMany(3);
    expect(state.tabs.map((t) => t.id)).toEqual(['d1', 'd2', 'd3']);
    expect(state.active).toBe('dialog:d3');
    state = openTab(state, { kind: 'dialog', id: 'd1' }, 10).state;
    expect(state.tabs).toHaveLength(3);
    expect(state.active).toBe('dialog:d1');
    expect(state.tabs[0]?.title).toBe('Клиент 1');
  });

  it('keeps a request and a dialog with the same id apart', () => {
    let state = openTab(emptyTabs, { kind: 'dialog', id: 'x' }, 1).state;
    state = openTab(state, { kind: 'request', id: 'x', title: '№7' }, 2).state;
    expect(state.tabs.map((t) => `${t.kind}:${t.id}`)).toEqual(['dialog:x', 'request:x']);
  });

  it(`replaces the least recently used tab past ${maxTabs}, never the one on screen`, () => {
    let state = openMany(maxTabs);
    // d1 was looked at last of all but is then left; d2 is now the oldest.
    state = activateTab(state, 'dialog:d1', 100);
    state = activateTab(state, 'dialog:d5', 101);
    const result = openTab(state, { kind: 'dialog', id: 'new' }, 102);
    expect(result.evicted?.id).toBe('d2');
    expect(result.state.tabs).toHaveLength(maxTabs);
    expect(result.state.active).toBe('dialog:new');

    // The oldest tab is the active one: the next oldest goes.
    const oldestActive = activateTab(openMany(maxTabs), 'dialog:d1', 0);
    expect(openTab(oldestActive, { kind: 'dialog', id: 'n' }, 50).evicted?.id).toBe('d2');
  });

  it('closes a tab and shows its right-hand neighbour, or the left one at the end', () => {
    let state = activateTab(openMany(3), 'dialog:d2', 10);
    state = closeTab(state, 'dialog:d2');
    expect(state.active).toBe('dialog:d3');
    state = closeTab(state, 'dialog:d3');
    expect(state.active).toBe('dialog:d1');
    state = closeTab(state, 'dialog:d1');
    expect(state).toEqual({ tabs: [], active: null });
    expect(closeTab(state, 'dialog:gone')).toBe(state);
    // Closing a tab in the background leaves the one on screen.
    expect(closeTab(openMany(3), 'dialog:d1').active).toBe('dialog:d3');
  });

  it('steps to the next and previous tab round the strip', () => {
    const state = activateTab(openMany(3), 'dialog:d3', 10);
    expect(neighbourKey(state, 1)).toBe('dialog:d1');
    expect(neighbourKey(state, -1)).toBe('dialog:d2');
    expect(neighbourKey(emptyTabs, 1)).toBeNull();
  });

  it('counts unread per tab and forgets it when the tab is shown', () => {
    let state = openMany(2);
    state = addUnread(addUnread(state, 'd1'), 'd1');
    state = addUnread(state, 'not-open');
    expect(state.tabs.map((t) => t.unread)).toEqual([2, 0]);
    expect(totalUnread(state)).toBe(2);
    state = activateTab(state, 'dialog:d1', 5);
    expect(state.tabs[0]?.unread).toBe(0);
  });

  it('survives a reload: tabs and the active one, without the unread counts', () => {
    let state = activateTab(openMany(3), 'dialog:d2', 9);
    state = addUnread(state, 'd3');
    const back = restoreTabs(serializeTabs(state));
    expect(back.active).toBe('dialog:d2');
    expect(back.tabs.map((t) => [t.id, t.title, t.unread])).toEqual([
      ['d1', 'Клиент 1', 0],
      ['d2', 'Клиент 2', 0],
      ['d3', 'Клиент 3', 0],
    ]);
  });

  it('trusts nothing it reads back from storage', () => {
    expect(restoreTabs(null)).toEqual(emptyTabs);
    expect(restoreTabs('{not json')).toEqual(emptyTabs);
    expect(restoreTabs(JSON.stringify({ v: 2, tabs: [] }))).toEqual(emptyTabs);
    const tampered = restoreTabs(
      JSON.stringify({
        v: 1,
        active: 'dialog:../../x',
        tabs: [
          { kind: 'dialog', id: '../../x' },
          { kind: 'script', id: 'a' },
          { kind: 'dialog', id: 'ok', title: 'x'.repeat(500), channel: '<b>' },
          { kind: 'dialog', id: 'ok' },
          ...Array.from({ length: 20 }, (_, i) => ({ kind: 'request', id: `r${i}` })),
        ],
      }),
    );
    expect(tampered.tabs.length).toBeLessThanOrEqual(maxTabs);
    expect(tampered.tabs[0]).toMatchObject({ id: 'ok', channel: null });
    expect(tampered.tabs[0]?.title).toHaveLength(120);
    expect(tampered.active).toBe('dialog:ok');
  });
});
