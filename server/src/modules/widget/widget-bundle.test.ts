import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../bin/precompress.mjs';
import { widgetAssets } from './widget-assets.js';
import type { WidgetChannels } from './widget-channels.js';

const bundle = Array.from({ length: 1500 }, (_, i) => `window.w${i}=function(){return "виджет ${i}"};`).join(
  '\n',
);

describe('/widget.js', () => {
  let dir: string;
  let app: FastifyInstance;
  const get = (headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: '/widget.js', headers });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'opora-widget-'));
    await writeFile(join(dir, 'widget.js'), bundle);
    precompress(dir);
    app = Fastify({ logger: false });
    // Only the chat page reads channels; the script route never touches the database.
    await app.register(widgetAssets, {
      channels: null as unknown as WidgetChannels,
      bundlePath: join(dir, 'widget.js'),
    });
  });
  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is sent as brotli, gzip or plain bytes as the browser accepts, each with its own ETag', async () => {
    const br = await get({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=300');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(bundle);
    const gzip = await get({ 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(bundle);
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(bundle);
    expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size).toBe(3);
    expect(br.rawPayload.length).toBeLessThan(bundle.length / 4);
  });

  it('answers a browser holding the same bytes with 304', async () => {
    const first = await get({ 'accept-encoding': 'br' });
    const again = await get({ 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const otherEncoding = await get({
      'accept-encoding': 'gzip',
      'if-none-match': String(first.headers.etag),
    });
    expect(otherEncoding.statusCode).toBe(200);
  });

  it('sends the plain file when a rebuild left the compressed copies behind', async () => {
    const rebuilt = `${bundle}\nwindow.rebuilt=true;`;
    await writeFile(join(dir, 'widget.js'), rebuilt);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(dir, 'widget.js'), later, later);
    const answer = await get({ 'accept-encoding': 'br, gzip' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body).toBe(rebuilt);
  });
});
