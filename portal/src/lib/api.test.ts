import { describe, expect, it } from 'vitest';
import { PortalClient } from './api';

interface Call {
  method: string;
  url: string;
  csrf: string | undefined;
}

/** A server whose session answer comes only when the test lets it, as on a slow direct load. */
function slowSessionServer(answer: unknown) {
  const calls: Call[] = [];
  let release: () => void = () => undefined;
  const sessionIn = new Promise<void>((done) => {
    release = done;
  });
  const fetch = (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({ method: init.method ?? 'GET', url, csrf: headers['x-csrf-token'] });
    if (url.endsWith('/auth/session')) {
      await sessionIn;
      return new Response(JSON.stringify(answer), { status: 200 });
    }
    return new Response(JSON.stringify({ id: 'w1' }), { status: 201 });
  }) as typeof globalThis.fetch;
  return { calls, release, client: new PortalClient({ baseUrl: 'http://x', fetch }) };
}

describe('PortalClient', () => {
  it('holds a write made right after a direct load until the session answer brings its CSRF token', async () => {
    const user = { id: 'u1', login: 'anna', name: 'Анна', roles: ['client'] };
    const server = slowSessionServer({ user, csrfToken: 'tok' });
    const session = server.client.session();
    const walk = server.client.portal.startWalk('support', ['account']);
    await new Promise((r) => setTimeout(r, 10));
    expect(server.calls.map((c) => c.method)).toEqual(['GET']);
    server.release();
    expect((await session).user?.login).toBe('anna');
    await walk;
    expect(server.calls[1]).toMatchObject({ method: 'POST', csrf: 'tok' });
  });

  it('asks for the session itself when a page writes before anyone asked, and sends a visitor no token', async () => {
    const server = slowSessionServer({ user: null });
    const walk = server.client.portal.startWalk('support', []);
    server.release();
    await walk;
    expect(server.calls.map((c) => `${c.method} ${c.url.replace('http://x/api/v1', '')}`)).toEqual([
      'GET /auth/session',
      'POST /portal/trees/support/walks',
    ]);
    expect(server.calls[1]?.csrf).toBeUndefined();
  });

  it('reads without waiting for the session', async () => {
    const server = slowSessionServer({ user: null });
    void server.client.session();
    await server.client.request('GET', '/portal/site');
    expect(server.calls.map((c) => c.url)).toEqual([
      'http://x/api/v1/auth/session',
      'http://x/api/v1/portal/site',
    ]);
    server.release();
  });
});
