import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { sha256 } from '../modules/auth/secrets.js';
import { login, type TestApp, testPassword } from '../testing/test-app.js';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../testing/test-database.js';
import { scrubText } from './database-error-text.js';

describe('scrubText', () => {
  it('keeps the statement and the reason, drops the values', () => {
    expect(
      scrubText(
        "select * from session s where s.id = 'ab''cd' and n = 1 - column s.csrf_token does not exist",
      ),
    ).toBe("select * from session s where s.id = '…' and n = 1 - column s.csrf_token does not exist");
    expect(scrubText('Key (token_hash)=(9f86d081884c7d65) already exists.')).toBe(
      'Key (token_hash)=(…) already exists.',
    );
    expect(scrubText('invalid input syntax for type uuid: "opora_secret"')).toBe(
      'invalid input syntax for type uuid: "…"',
    );
  });
});

/** The server's own log lines, as JSON objects, captured from a real app on a real database. */
describe.each(databaseTargets)('server logs keep credentials out ($name)', (target) => {
  let database: TestDatabase;
  let app: TestApp;
  let lines: string[] = [];
  const output = () => lines.join('');

  beforeAll(async () => {
    database = await createTestDatabase(target);
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({
      db: database.db,
      serveUi: false,
      logger: { level: 'info', stream },
      config: { bodyLimitBytes: 1024 * 1024, secureCookies: false, sessionTtlHours: 1, logLevel: 'info' },
    });
    await app.ready();
    await app.users.create(
      { login: 'dev', name: 'Developer', password: testPassword, roles: ['developer'] },
      null,
    );
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('prints no password, session or token when signing in and calling with them', async () => {
    lines = [];
    const session = await login(app, 'dev', testPassword);
    const token = (
      await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: session, payload: { name: 'ci' } })
    ).json().token as string;
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(output()).toContain('request completed');
    for (const secret of [testPassword, session.cookie!.split('=')[1]!, session['x-csrf-token']!, token])
      expect(output()).not.toContain(secret);
  });

  it('logs a failed session or token lookup with the reason, not the hash that opens it', async () => {
    const session = await login(app, 'dev', testPassword);
    const sessionToken = session.cookie!.split('=')[1]!;
    const apiToken = (
      await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: session, payload: { name: 'x' } })
    ).json().token as string;
    // A session no request has used yet, so its lookup reaches the database rather than the session cache.
    const fresh = await login(app, 'dev', testPassword);
    const freshToken = fresh.cookie!.split('=')[1]!;
    // Schema drift (a half-applied upgrade, a DBA's rename) makes the lookups fail with their statement in the error.
    await database.db.query('alter table session rename column csrf_token to csrf_token_gone');
    await database.db.query('alter table api_token rename column token_hash to token_hash_gone');
    lines = [];
    try {
      const bySession = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: fresh.cookie! },
      });
      const byToken = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${apiToken}` },
      });
      expect([bySession.statusCode, byToken.statusCode]).toEqual([500, 500]);
    } finally {
      await database.db.query('alter table session rename column csrf_token_gone to csrf_token');
      await database.db.query('alter table api_token rename column token_hash_gone to token_hash');
    }
    const failures = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request failed');
    expect(failures).toHaveLength(2);
    // Still useful to whoever reads it: the statement's shape and Postgres's reason.
    expect(failures[0].err.message).toMatch(/from session s .* does not exist/s);
    expect(failures[1].err.message).toMatch(/from api_token t .* does not exist/s);
    for (const secret of [sessionToken, freshToken, sha256(freshToken), apiToken, sha256(apiToken)])
      expect(output()).not.toContain(secret);
  });

  it('prints no token passed in a query string (the chat widget’s socket)', async () => {
    lines = [];
    const secret = 'visitor-token-in-the-query-0001';
    await app.inject({ method: 'GET', url: `/api/v1/widget/site-chat/live?token=${secret}&x=1` });
    expect(output()).toContain('/api/v1/widget/site-chat/live?token=%5Bredacted%5D&x=1');
    expect(output()).not.toContain(secret);
  });

  it('redacts credentials in objects the code logs', () => {
    lines = [];
    app.log.info(
      { actor: { login: 'dev', sessionId: 'sid-123', csrfToken: 'csrf-456' }, password: 'pw-789' },
      'something happened',
    );
    const [entry] = lines.map((line) => JSON.parse(line));
    expect(entry.actor).toEqual({ login: 'dev', sessionId: '[redacted]', csrfToken: '[redacted]' });
    expect(entry.password).toBe('[redacted]');
  });
});
