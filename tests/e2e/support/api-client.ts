import { OporaClient } from '@opora/sdk';
import type { RunningServer } from './server-process.js';

/** An API client holding an admin's API token, so a test can prepare data as an integration would. */
export async function adminApiClient(
  server: Pick<RunningServer, 'baseUrl' | 'adminPassword'>,
): Promise<OporaClient> {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: server.adminPassword }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const issued = await fetch(`${server.baseUrl}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'e2e' }),
  });
  const { token } = (await issued.json()) as { token: string };
  return new OporaClient({ baseUrl: server.baseUrl, token });
}
