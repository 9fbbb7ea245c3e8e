import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, testPassword } from '../testing/test-app.js';
import { databaseTargets } from '../testing/test-database.js';
import { headerPolicyFor } from './security-headers.js';

/** Two tiny "built" SPAs, so pages and assets are served as in production without a Vite build. */
function fakeBuiltUi(): { designerDist: string; portalDist: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'opora-ui-'));
  for (const app of ['designer', 'portal']) {
    mkdirSync(join(root, app, 'assets'), { recursive: true });
    writeFileSync(join(root, app, 'index.html'), `<!doctype html><title>${app}</title><div id="root"></div>`);
    writeFileSync(join(root, app, 'assets', 'main.js'), 'console.log(1)');
  }
  return { designerDist: join(root, 'designer'), portalDist: join(root, 'portal'), root };
}

function expectCommonHeaders(res: LightMyRequestResponse) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(res.headers['content-security-policy']).toMatch(/^default-src /);
}

function expectNotFramable(res: LightMyRequestResponse) {
  expectCommonHeaders(res);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

function expectApiPolicy(res: LightMyRequestResponse) {
  expectNotFramable(res);
  expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  expect(res.headers['cache-control']).toBe('no-store');
}

function expectAppPolicy(res: LightMyRequestResponse) {
  expectNotFramable(res);
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("worker-src 'self' blob:");
  expect(csp).toContain('frame-src');
  expect(csp).toContain('www.youtube.com');
}

describe('which header policy a path gets', () => {
  it.each([
    ['/api/v1/auth/me', 'api'],
    ['/api/v1/nothing?x=1', 'api'],
    ['/api', 'api'],
    ['/api/docs', 'app'],
    ['/api/docs/static/index.html', 'app'],
    ['/apis', 'app'],
    ['/designer/', 'app'],
    ['/', 'app'],
    ['/operator', 'app'],
    ['/preview/page', 'framed-by-self'],
  ])('%s → %s', (url, policy) => {
    expect(headerPolicyFor(url)).toBe(policy);
  });

  it('lets a route choose its own (the future chat widget)', () => {
    expect(headerPolicyFor('/api/v1/x', 'framed-by-self')).toBe('framed-by-self');
  });
});

describe.each(databaseTargets)('security headers on every answer ($name)', (target) => {
  let h: Harness;
  let ui: ReturnType<typeof fakeBuiltUi>;
  beforeAll(async () => {
    ui = fakeBuiltUi();
    h = await createHarness(target, { uiRoots: ui });
  });
  afterAll(async () => {
    await h.close();
    rmSync(ui.root, { recursive: true, force: true });
  });

  it('on API answers: nothing to load or frame, never stored', async () => {
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: await h.as('admin') });
    expect(me.statusCode).toBe(200);
    expectApiPolicy(me);
    expectApiPolicy(await h.app.inject({ method: 'GET', url: '/api/health' }));
  });

  it('on the single-page apps, their static assets and client-side routes', async () => {
    for (const url of ['/designer/', '/designer/scripts/greet', '/', '/operator', '/kb/some-article']) {
      const page = await h.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toContain('text/html');
      expectAppPolicy(page);
    }
    for (const url of ['/assets/main.js', '/designer/assets/main.js']) {
      const asset = await h.app.inject({ method: 'GET', url });
      expect(asset.statusCode, url).toBe(200);
      expectAppPolicy(asset);
    }
    expectAppPolicy(await h.app.inject({ method: 'GET', url: '/api/docs' }));
  });

  it('lets only the same origin frame the page designer’s preview of the portal', async () => {
    const preview = await h.app.inject({ method: 'GET', url: '/preview/page' });
    expect(preview.statusCode).toBe(200);
    expectCommonHeaders(preview);
    expect(preview.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('on errors and 404s, also those refused before the route runs', async () => {
    const unauthenticated = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(unauthenticated.statusCode).toBe(401);
    expectApiPolicy(unauthenticated);
    const malformed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login":',
    });
    expect(malformed.statusCode).toBe(400);
    expectApiPolicy(malformed);
    const missing = await h.app.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    expect(missing.statusCode).toBe(404);
    expectApiPolicy(missing);
    const missingAsset = await h.app.inject({ method: 'GET', url: '/designer/assets/nothing.js' });
    expectNotFramable(missingAsset);
  });

  it('never lets a session, CSRF token or API token be stored by a browser or proxy', async () => {
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'developer-user', password: testPassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['set-cookie']).toBeDefined();
    expect(login.headers['cache-control']).toBe('no-store');
    const issued = await h.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: await h.as('developer'),
      payload: { name: 'ci' },
    });
    expect(issued.statusCode).toBe(201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const refused = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'developer-user', password: 'wrong-password' },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});
