import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

// The shape of the built portal's index.html where the server writes a page's meta.
const portalIndex = `<!doctype html><html lang="ru"><head><meta name="description" content="Портал" /><title>Портал</title></head><body><div id="root"></div></body></html>`;

describe.each(databaseTargets)('the server-rendered home page on $name', (target) => {
  let h: Harness;
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'opora-home-'));
    await writeFile(join(dist, 'index.html'), portalIndex);
    h = await createHarness(target, { uiRoots: { portalDist: dist, designerDist: join(dist, 'none') } });
  });
  afterAll(async () => {
    await h?.close();
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  const publish = async (definition: object) => {
    const admin = await h.as('admin');
    const made = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: admin,
      payload: definition,
    });
    expect(made.statusCode, made.body).toBe(201);
    const { id, draftVersion } = made.json() as { id: string; draftVersion: number };
    const published = await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${id}/publish`,
      headers: admin,
      payload: { draftVersion },
    });
    expect(published.statusCode, published.body).toBe(201);
  };

  it('is the plain app while no home page is published', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Портал</title>');
  });

  it("carries the home page's title and description, not the static index.html's", async () => {
    await publish({
      kind: 'page',
      key: 'home',
      name: 'Главная',
      body: {
        schemaVersion: 1,
        title: { ru: 'Добро пожаловать' },
        description: { ru: 'Ответы на частые вопросы & заявки в поддержку' },
        path: '/',
        rows: [],
      },
    });
    await publish({
      kind: 'portal',
      key: 'main',
      name: 'Портал',
      body: {
        schemaVersion: 1,
        name: { ru: 'Служба поддержки «Опора»' },
        colors: { primary: '#2563eb' },
        menu: [],
        homePage: 'home',
      },
    });
    for (const url of ['/', '/?utm_source=mail']) {
      const page = await h.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<title>Добро пожаловать — Служба поддержки «Опора»</title>');
      expect(page.body).toContain(
        '<meta name="description" content="Ответы на частые вопросы &amp; заявки в поддержку" />',
      );
      expect(page.body).toContain('<meta property="og:title"');
    }
  });
});
