import type { User } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { audienceOf, visibleTo } from './audience';

const user = (roles: User['roles']): User => ({
  id: 'u',
  login: 'u',
  name: 'U',
  email: null,
  roles,
  locale: 'ru',
  active: true,
  createdAt: '2024-01-01T00:00:00Z',
});

const menu = [
  { id: 'kb', audience: undefined },
  { id: 'account', audience: ['client'] as const },
  { id: 'signup', audience: ['anonymous'] as const },
  { id: 'work', audience: ['staff'] as const },
  { id: 'help', audience: ['anonymous', 'client'] as const },
];
const ids = (who: Parameters<typeof visibleTo>[1]) => visibleTo(menu, who).map((m) => m.id);

describe('menu audience', () => {
  it('tells visitors, clients and staff apart', () => {
    expect(audienceOf({ status: 'loading' })).toBeNull();
    expect(audienceOf({ status: 'anonymous' })).toBe('anonymous');
    expect(audienceOf({ status: 'signed-in', user: user(['client']) })).toBe('client');
    expect(audienceOf({ status: 'signed-in', user: user(['operator']) })).toBe('staff');
    expect(audienceOf({ status: 'signed-in', user: user(['client', 'admin']) })).toBe('staff');
  });
  it('shows each item only to its audience', () => {
    expect(ids('anonymous')).toEqual(['kb', 'signup', 'help']);
    expect(ids('client')).toEqual(['kb', 'account', 'help']);
    expect(ids('staff')).toEqual(['kb', 'work']);
  });
  it('shows only items for everyone while the session loads', () => {
    expect(ids(null)).toEqual(['kb']);
  });
});
