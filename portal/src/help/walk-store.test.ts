import type { TreeBody } from '@opora/runtime/definitions';
import { ApiError, type Walk, type WalkEventInput } from '@opora/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { client } from '../lib/api';
import { createTreeWalk } from './walk-store';

const tree: TreeBody = {
  schemaVersion: 2,
  title: { ru: 'Помощник' },
  root: 'start',
  nodes: [
    { id: 'start', title: { ru: 'С чем помочь?' }, children: ['account', 'chat'] },
    { id: 'account', title: { ru: 'Личный кабинет' }, children: ['password'] },
    {
      id: 'password',
      title: { ru: 'Сменить пароль' },
      leaf: { type: 'article', article: 'kak-smenit-parol' },
    },
    { id: 'chat', title: { ru: 'Чат' }, leaf: { type: 'contact', channel: 'chat' } },
  ],
};

const walk = (id: string, path: string[] = []): Walk => ({
  id,
  tree: 'support',
  version: 1,
  path,
  outcome: null,
});
const flush = () => new Promise((done) => setTimeout(done, 0));

async function ready() {
  vi.spyOn(client.portal, 'tree').mockResolvedValue({ key: 'support', version: 1, body: tree, articles: {} });
  const helper = createTreeWalk('support');
  helper.load();
  await flush();
  return helper;
}

afterEach(() => vi.restoreAllMocks());

describe('a walk through a question tree', () => {
  it('moves at once and sends the same events to the server, in order', async () => {
    const start = vi.spyOn(client.portal, 'startWalk').mockResolvedValue(walk('w1'));
    const sent: WalkEventInput[] = [];
    vi.spyOn(client.portal, 'walkEvent').mockImplementation(async (_id, event) => {
      sent.push(event);
      return walk('w1');
    });
    const helper = await ready();
    expect(helper.follow([])).toEqual([]);
    expect(helper.move({ type: 'choose', node: 'account' })).toEqual(['account']);
    expect(helper.move({ type: 'choose', node: 'password' })).toEqual(['account', 'password']);
    expect(helper.move({ type: 'rate', helpful: true })).toEqual(['account', 'password']);
    expect(helper.move({ type: 'back' })).toEqual(['account']);
    const state = helper.store.get();
    expect(state.status === 'ready' && state.walk.path).toEqual(['account']);
    await flush();
    await flush();
    expect(start).toHaveBeenCalledWith('support', []);
    expect(sent).toEqual([
      { type: 'choose', node: 'account' },
      { type: 'choose', node: 'password' },
      { type: 'rate', helpful: true },
      { type: 'back' },
    ]);
  });

  it('opens a shared link at its longest valid beginning', async () => {
    const start = vi.spyOn(client.portal, 'startWalk').mockResolvedValue(walk('w1', ['account']));
    const helper = await ready();
    expect(helper.follow(['account', 'nonsense', 'password'])).toEqual(['account']);
    await flush();
    expect(start).toHaveBeenCalledWith('support', ['account']);
  });

  it('refuses a choice that is not offered, and sends nothing for it', async () => {
    vi.spyOn(client.portal, 'startWalk').mockResolvedValue(walk('w1'));
    const event = vi.spyOn(client.portal, 'walkEvent').mockResolvedValue(walk('w1'));
    const helper = await ready();
    helper.follow([]);
    expect(helper.move({ type: 'choose', node: 'password' })).toBeNull();
    await flush();
    expect(event).not.toHaveBeenCalled();
  });

  it('keeps going when recording fails, and starts a new record where the visitor is', async () => {
    const start = vi
      .spyOn(client.portal, 'startWalk')
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(walk('w2'));
    const event = vi.spyOn(client.portal, 'walkEvent').mockResolvedValue(walk('w2'));
    const helper = await ready();
    helper.follow([]);
    expect(helper.move({ type: 'choose', node: 'account' })).toEqual(['account']);
    await flush();
    await flush();
    // The new walk starts at the visitor's step, which records the visit the failed start missed.
    expect(start).toHaveBeenLastCalledWith('support', ['account']);
    expect(event).not.toHaveBeenCalled();
    helper.move({ type: 'choose', node: 'password' });
    await flush();
    expect(event).toHaveBeenCalledWith('w2', { type: 'choose', node: 'password' });
  });

  it('says when the tree is not published', async () => {
    vi.spyOn(client.portal, 'tree').mockRejectedValue(
      new ApiError(404, { error: { code: 'not_found', message: 'нет', details: [] } }),
    );
    const helper = createTreeWalk('missing');
    helper.load();
    await flush();
    expect(helper.store.get().status).toBe('not-found');
    expect(helper.follow([])).toBeNull();
  });
});
