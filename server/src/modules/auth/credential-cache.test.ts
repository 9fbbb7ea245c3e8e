import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { CredentialCache } from './credential-cache.js';

const actor = (id: string): Actor => ({
  id,
  login: id,
  name: id,
  roles: ['operator'],
  locale: 'ru',
  via: 'session',
});

function cacheAt(options: { maxEntries?: number; ttlMs?: number; unsettledMs?: number } = {}) {
  const clock = { now: 1_000_000 };
  const cache = new CredentialCache({ ...options, now: () => clock.now });
  cache.setListening(true);
  return { cache, clock };
}

describe('credential cache', () => {
  it('caches nothing until notifications are heard', () => {
    const cache = new CredentialCache();
    cache.put('k', { actor: actor('u'), expiresAt: Number.POSITIVE_INFINITY }, cache.ticket());
    expect(cache.get('k')).toBeNull();
  });

  it('forgets an entry when its session expires or its safety-net lifetime passes', () => {
    const { cache, clock } = cacheAt({ ttlMs: 30_000 });
    cache.put('s', { actor: actor('u'), expiresAt: clock.now + 1000 }, cache.ticket());
    cache.put('t', { actor: actor('v'), expiresAt: Number.POSITIVE_INFINITY }, cache.ticket());
    expect(cache.get('s')).not.toBeNull();
    clock.now += 1000;
    expect(cache.get('s')).toBeNull();
    expect(cache.get('t')).not.toBeNull();
    clock.now += 29_000;
    expect(cache.get('t')).toBeNull();
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const { cache } = cacheAt({ maxEntries: 2 });
    for (const key of ['a', 'b']) cache.put(key, { actor: actor(key), expiresAt: Infinity }, cache.ticket());
    cache.get('a');
    cache.put('c', { actor: actor('c'), expiresAt: Infinity }, cache.ticket());
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([true, false, true]);
  });

  it('refuses a fill that read the database before a change', () => {
    const { cache } = cacheAt();
    const ticket = cache.ticket();
    cache.userChanged('other');
    cache.put('k', { actor: actor('u'), expiresAt: Infinity }, ticket);
    expect(cache.get('k')).toBeNull();
  });

  it("refills a changing user's entries only after the change's notification, or after a while without it", () => {
    const { cache, clock } = cacheAt({ unsettledMs: 5000 });
    cache.put('k', { actor: actor('u'), expiresAt: Infinity }, cache.ticket());
    cache.userChanging('u');
    expect(cache.get('k')).toBeNull();
    cache.put('k', { actor: actor('u'), expiresAt: Infinity }, cache.ticket());
    expect(cache.get('k')).toBeNull();
    cache.userChanged('u');
    cache.put('k', { actor: actor('u'), expiresAt: Infinity }, cache.ticket());
    expect(cache.get('k')).not.toBeNull();
    cache.userChanging('u');
    clock.now += 5000;
    cache.put('k', { actor: actor('u'), expiresAt: Infinity }, cache.ticket());
    expect(cache.get('k')).not.toBeNull();
  });
});
