import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler, registerNotFound } from '../../http/error-handler.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { registerUiApps } from '../ui/ui-apps.js';
import { describePortalPage } from './page-meta.js';
import { SiteService } from './site-service.js';

// The shape of the built portal's index.html where the server writes a page's meta and content.
const portalIndex = `<!doctype html><html lang="ru"><head><meta name="description" content="Портал" /><title>Портал</title></head><body><div id="root"></div></body></html>`;

// "$`" and "$'" are replacement patterns of String.replace: read as patterns, each pair copied the page into itself.
const pairs = (count: number) => "$`$'".repeat(count / 2);

describe.each(databaseTargets)('the server-rendered article page on $name', (target) => {
  let h: Harness;
  let site: FastifyInstance;
  let dist: string;

  beforeAll(async () => {
    h = await createHarness(target);
    dist = await mkdtemp(join(tmpdir(), 'opora-portal-'));
    await writeFile(join(dist, 'index.html'), portalIndex);
    // The UI half of the app, on the real knowledge base: the test harness serves no built UI.
    site = Fastify({ logger: false });
    registerErrorHandler(site);
    const fallback = await registerUiApps(site, describePortalPage(h.app.kb, new SiteService(h.db)), {
      designerDist: join(dist, 'no-designer'),
      portalDist: dist,
    });
    registerNotFound(site, fallback);
  });
  afterAll(async () => {
    await site?.close();
    await h?.close();
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  it('shows an article whose title and text hold 200 "$`"/"$\'" pairs as typed, and the server lives on', async () => {
    const analyst = await h.as('analyst');
    const call = (url: string, payload: object) =>
      h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: analyst, payload });
    const created = await call('/kb/articles', {
      key: 'ceny',
      title: `Цены ${pairs(140)}`,
      summary: pairs(200),
      body: `<p>${pairs(200)}</p>`,
      audience: 'public',
    });
    expect(created.statusCode, created.body).toBe(201);
    let article = created.json() as { id: string; version: number };
    for (const state of ['review', 'published']) {
      const moved = await call(`/kb/articles/${article.id}/state`, { version: article.version, state });
      expect(moved.statusCode, moved.body).toBe(200);
      article = moved.json();
    }

    const page = await site.inject({ method: 'GET', url: '/kb/ceny' });
    expect(page.statusCode).toBe(200);
    // Booleans, not toContain: a failure would print pages of dollar signs.
    expect(page.body.includes(`<title>Цены ${pairs(140).replaceAll("'", '&#39;')} — `)).toBe(true);
    expect(page.body.includes(`<p>${pairs(200)}</p></article></div>`)).toBe(true);
    expect(page.body.length).toBeLessThan(10_000);
    expect((await site.inject({ method: 'GET', url: '/kb/ceny' })).statusCode).toBe(200);
  });
});
