import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../bin/precompress.mjs';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { immutable, revalidated } from './asset-caching.js';

const portalIndex = `<!doctype html><html lang="ru"><head><meta name="description" content="Портал" /><title>Портал</title><script type="module" src="/assets/index-AbCd_123.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(80)}</body></html>`;
// A bundle as Vite writes it: repetitive text, so compressed copies are much smaller.
const script = Array.from({ length: 2000 }, (_, i) => `export const value${i} = "значение ${i}";`).join('\n');
const style = Array.from({ length: 500 }, (_, i) => `.c${i}{color:#${(i * 97) % 1000}}`).join('\n');
const browser = 'gzip, deflate, br, zstd';

describe.each(databaseTargets)('the built UIs served on $name', (target) => {
  let h: Harness;
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'opora-ui-assets-'));
    const portalDist = join(dist, 'portal');
    const designerDist = join(dist, 'designer');
    await mkdir(join(portalDist, 'assets'), { recursive: true });
    await mkdir(join(designerDist, 'assets'), { recursive: true });
    await writeFile(join(portalDist, 'index.html'), portalIndex);
    await writeFile(join(portalDist, 'assets', 'index-AbCd_123.js'), script);
    await writeFile(join(portalDist, 'assets', 'index-Xy-98765.css'), style);
    await writeFile(join(portalDist, 'robots.txt'), `User-agent: *\n${'Allow: /\n'.repeat(200)}`);
    await writeFile(join(designerDist, 'index.html'), portalIndex.replace('Портал', 'Дизайнер'));
    await writeFile(join(designerDist, 'assets', 'app-Q1w2E3r4.js'), script);
    // As build-uis.mjs does after each Vite build.
    precompress(portalDist);
    precompress(designerDist);
    h = await createHarness(target, { uiRoots: { portalDist, designerDist } });
  });
  afterAll(async () => {
    await h?.close();
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, headers });

  it('sends hashed scripts and styles as brotli or gzip, as the browser accepts, cached for good', async () => {
    for (const [url, original] of [
      ['/assets/index-AbCd_123.js', script],
      ['/assets/index-Xy-98765.css', style],
      ['/designer/assets/app-Q1w2E3r4.js', script],
    ] as const) {
      const br = await get(url, { 'accept-encoding': browser });
      expect(br.statusCode, url).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe(immutable);
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(String(br.headers['content-type'])).toMatch(url.endsWith('.js') ? /javascript/ : /text\/css/);
      expect(br.rawPayload.length).toBeLessThan(original.length / 4);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(original);

      const gzip = await get(url, { 'accept-encoding': 'gzip, deflate' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gzip.headers['cache-control']).toBe(immutable);
      expect(gunzipSync(gzip.rawPayload).toString()).toBe(original);

      const plain = await get(url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['cache-control']).toBe(immutable);
      expect(plain.body).toBe(original);
    }
  });

  it('keeps index.html and unhashed files revalidated, answering an unchanged one with 304', async () => {
    for (const url of ['/index.html', '/robots.txt', '/designer/', '/designer/index.html']) {
      const first = await get(url, { 'accept-encoding': browser });
      expect(first.statusCode, url).toBe(200);
      expect(first.headers['cache-control'], url).toBe(revalidated);
      expect(first.headers.etag, url).toBeTruthy();
      const again = await get(url, {
        'accept-encoding': browser,
        'if-none-match': String(first.headers.etag),
      });
      expect(again.statusCode, url).toBe(304);
    }
    const plain = await get('/robots.txt');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('User-agent');
  });

  it('answers the home page and the app routes with the revalidated index.html, never cached for good', async () => {
    for (const url of ['/', '/kb', '/work/requests']) {
      const page = await get(url, { 'accept-encoding': browser });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe(revalidated);
      const html =
        page.headers['content-encoding'] === 'br' ? brotliDecompressSync(page.rawPayload) : page.rawPayload;
      expect(html.toString(), url).toContain('<div id="root">');
    }
  });

  it('answers a missing hashed file with 404, not with the app', async () => {
    const missing = await get('/assets/index-Zz999999.js', { 'accept-encoding': browser });
    expect(missing.statusCode).toBe(404);
  });
});
