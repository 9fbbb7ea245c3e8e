import { describe, expect, it } from 'vitest';
import { startServer } from './support/server-process.js';

/** What `npm start` does on a fresh data directory and on the next start, and how it stops. */
describe('server lifecycle', () => {
  it('seeds once, prints the URLs, restarts on the same data and stops cleanly on SIGTERM', async () => {
    const demo = { DEMO_CONTENT: 'true', DEMO_PASSWORD: 'e2e-demo-password' };
    const first = await startServer(demo);
    expect(first.output()).toContain(`Designer:           http://localhost:`);
    expect(first.output()).toContain('API docs:');
    expect(first.output()).toContain(
      'Demo operators olga, ivan, marina; supervisor svetlana: password from DEMO_PASSWORD',
    );
    const info = await (await fetch(`${first.baseUrl}/api/v1/info`)).json();
    expect(info).toMatchObject({ name: 'Opora', database: 'pglite' });
    expect(await first.stop({ keepData: true })).toBe(0);

    const second = await startServer(demo, first.dataDir);
    expect(second.output()).not.toContain('Imported the');
    expect(second.output()).not.toContain('Demo operators');
    const login = await fetch(`${second.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: second.adminPassword }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const requests = await (
      await fetch(`${second.baseUrl}/api/v1/records/request?limit=1`, { headers: { cookie } })
    ).json();
    // The template's 8 demo requests and the one a demo dialog was escalated to: the restart added none.
    expect(requests.total).toBe(9);
    const olga = await fetch(`${second.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'olga', password: demo.DEMO_PASSWORD }),
    });
    expect(olga.status).toBe(200);
    const olgaCookie = olga.headers.get('set-cookie')!.split(';')[0]!;
    const mine = await (
      await fetch(`${second.baseUrl}/api/v1/operators/me`, { headers: { cookie: olgaCookie } })
    ).json();
    // Olga leads one dialog and serves the lines where demo dialogs wait («Общие вопросы», «Доставка и возврат»).
    expect(mine.counts.mine).toBe(1);
    expect(mine.counts.team).toBeGreaterThan(0);
    expect(await second.stop()).toBe(0);
    // Two starts, the first importing the template and playing the demo dialogs: over a minute each on a busy machine.
  }, 300_000);
});
