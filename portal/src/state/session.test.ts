import { describe, expect, it } from 'vitest';
import { PortalClient } from '../lib/api';
import { createPortalSession } from './session';

function serverAnswering(routes: Record<string, () => Promise<Response>>) {
  const asked: string[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const path = url.replace('http://x/api/v1', '');
    asked.push(`${init.method} ${path}`);
    return routes[path]!();
  }) as typeof globalThis.fetch;
  return { asked, client: new PortalClient({ baseUrl: 'http://x', fetch }) };
}

const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));
const user = { id: 'u1', login: 'anna', name: 'Анна', roles: ['client'] };

describe('the portal session', () => {
  it('takes a visitor for anonymous from a 200 answer, asking /auth/session, never /auth/me', async () => {
    const server = serverAnswering({ '/auth/session': () => json({ user: null }) });
    const session = createPortalSession(server.client);
    expect(session.get().status).toBe('loading');
    await session.load();
    expect(session.get().status).toBe('anonymous');
    expect(server.asked).toEqual(['GET /auth/session']);
  });

  it('keeps a sign-in made while an older question was still on its way', async () => {
    let answerLate: (r: Response) => void = () => undefined;
    const late = new Promise<Response>((done) => {
      answerLate = done;
    });
    let sessions = 0;
    const server = serverAnswering({
      // The first answer (a visitor) is instant, so the sign-in may go; the second is slow and out of date.
      '/auth/session': () => (sessions++ === 0 ? json({ user: null }) : late),
      '/auth/login': () => json({ user, csrfToken: 'tok' }),
    });
    const session = createPortalSession(server.client);
    await session.load();
    const reload = session.load();
    await session.signIn('anna', 'secret');
    answerLate(new Response(JSON.stringify({ user: null }), { status: 200 }));
    await reload;
    expect(session.get()).toMatchObject({ status: 'signed-in', user: { login: 'anna' } });
  });
});
