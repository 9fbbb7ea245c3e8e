import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/test-app.js';
import { databaseTargets } from '../testing/test-database.js';
import { fastifyTrustProxy, trustProxyFrom } from './trust-proxy.js';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    ['loopback,fd00::/8', ['loopback', 'fd00::/8']],
  ])('%s → %j', (value, expected) => {
    expect(trustProxyFrom(value)).toEqual(expected);
  });

  it.each(['true', 'proxy.local', '10.0.0.0/33', '10.0.0.1/8/2', '::1/129'])(
    'refuses %s with a message saying what it takes',
    (value) => {
      expect(() => trustProxyFrom(value)).toThrow(/TRUST_PROXY/);
    },
  );

  it('trusts as many hops as it is told', () => {
    const trust = fastifyTrustProxy(1) as (address: string, hop: number) => boolean;
    expect([trust('10.0.0.1', 0), trust('10.0.0.2', 1)]).toEqual([true, false]);
    expect(fastifyTrustProxy(undefined)).toBe(false);
  });
});

describe.each(databaseTargets)('rate limits behind a reverse proxy ($name)', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target, { loginRateLimit: 2, trustProxy: ['10.0.0.0/8'] });
  });
  afterAll(() => h.close());

  const attempt = (remoteAddress: string, forwardedFor: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { login: 'analyst-user', password: 'wrong-password' },
    });

  it('counts sign-in attempts per client the trusted proxy names', async () => {
    expect((await attempt('10.1.2.3', '203.0.113.7')).statusCode).toBe(401);
    expect((await attempt('10.1.2.3', '203.0.113.7')).statusCode).toBe(401);
    expect((await attempt('10.1.2.3', '203.0.113.7')).statusCode).toBe(429);
    // Another client behind the same proxy has its own budget, instead of sharing the proxy's.
    expect((await attempt('10.1.2.3', '203.0.113.8')).statusCode).toBe(401);
  });

  it('ignores X-Forwarded-For from a peer it does not trust', async () => {
    expect((await attempt('198.51.100.9', '203.0.113.50')).statusCode).toBe(401);
    expect((await attempt('198.51.100.9', '203.0.113.51')).statusCode).toBe(401);
    // A client that makes up a new address per attempt is still the one peer.
    expect((await attempt('198.51.100.9', '203.0.113.52')).statusCode).toBe(429);
  });
});
