import { describe, expect, it } from 'vitest';
import { startServer } from './support/server-process.js';

/** What `npm start` does on a fresh data directory and on the next start, and how it stops. */
describe('server lifecycle', () => {
  it('seeds once, prints the URLs, restarts on the same data and stops cleanly on SIGTERM', async () => {
    const first = await startServer();
    expect(first.output()).toContain(`Designer:           http://localhost:`);
    expect(first.output()).toContain('API docs:');
    const info = await (await fetch(`${first.baseUrl}/api/v1/info`)).json();
    expect(info).toMatchObject({ name: 'Opora', database: 'pglite' });
    expect(await first.stop({ keepData: true })).toBe(0);

    const second = await startServer({}, first.dataDir);
    expect(second.output()).not.toContain('Imported the');
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
    expect(requests.total).toBe(8);
    expect(await second.stop()).toBe(0);
  });
});
