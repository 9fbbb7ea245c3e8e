import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import type { OporaClient } from '@opora/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiClient } from './support/api-client.js';
import { launchBrowser, screenshotPath, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server-process.js';

/** A 160×100 PNG of blue and orange stripes: a picture a visitor could send, big enough to see on a screenshot. */
function stripesPng(width = 160, height = 100): Buffer {
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const orange = Math.floor((x + y) / 20) % 2 === 0;
      raw.set(orange ? [255, 153, 0] : [31, 111, 235], y * row + 1 + x * 3);
    }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A shop's site on another origin embeds the chat with the README's snippet (its own CSS trying hard to break it);
 * a visitor writes and attaches a picture; an operator answers from «Диалоги»; the visitor sees the answer live,
 * reloads and sees the whole history. The portal shows the same chat on its pages.
 */
describe('the chat widget on another site, in Chromium', () => {
  let server: RunningServer;
  let site: Server;
  let siteUrl = '';
  let browser: Browser;
  let admin: OporaClient;
  let page: Page;

  const widget = (selector: string) => page.locator(`[data-opora-widget] ${selector}`);
  const shoot = async (name: string) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: screenshotPath(`${name}-${width}`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  beforeAll(async () => {
    server = await startServer();
    admin = await adminApiClient(server);
    site = createServer((_request, response) => {
      // The README's snippet, as a site owner pastes it, on a page whose CSS would wreck a widget without a shadow.
      // A strict CSP as careful shops have: scripts and connections only to the Opora server, no inline styles but
      // the shop's own (nonce): the widget must work under it.
      const opora = new URL(server.baseUrl);
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy':
          `default-src 'self'; script-src 'self' ${opora.origin}; connect-src ${opora.origin} ws://${opora.host}; ` +
          `img-src 'self' blob:; style-src 'nonce-shop'; frame-src ${opora.origin}`,
      });
      response.end(`<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Магазин</title>
<style nonce="shop">* { font-family: serif !important; color: #c00 !important; } button { display: none; }
div { border: 4px dotted green; } body { background: #fffbe6; }</style></head>
<body><h1>Магазин «Ромашка»</h1><p>Каталог товаров.</p>
<script src="${server.baseUrl}/widget.js" data-channel="site-chat" async></script>
</body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // The administrator lists the shop's site among the channel's allowed origins.
    const [channel] = (await admin.listDefinitions({ kind: 'channel' })).items.filter(
      (d) => d.key === 'site-chat',
    );
    if (!channel) throw new Error('the template has no site-chat channel');
    const full = await admin.getDefinition(channel.id);
    const body = full.body as { settings: { allowedOrigins: string[] } };
    body.settings.allowedOrigins = [siteUrl];
    const saved = await admin.updateDefinition(channel.id, {
      name: full.name,
      body,
      draftVersion: full.draftVersion,
    });
    await admin.publishDefinition(channel.id, saved.draftVersion);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await server?.stop();
  });

  it('lets a visitor write and attach a picture, shows the operator’s answer live and keeps history on reload', async () => {
    await page.goto(siteUrl);
    const launcher = widget('.launcher');
    await launcher.waitFor();
    // The host page's `button { display: none }` and red serif text do not reach inside.
    expect(await launcher.evaluate((b) => getComputedStyle(b).display)).toBe('flex');
    await launcher.click();
    const input = widget('textarea');
    await expect
      .poll(() => input.evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    await expect.poll(() => widget('.greeting').textContent()).toContain('Здравствуйте');
    expect(await widget('.greeting').evaluate((e) => getComputedStyle(e).color)).not.toBe('rgb(204, 0, 0)');

    await input.fill('Где мой заказ №1234? <b>срочно</b>');
    await input.press('Enter');
    await widget('.msg.in:not(.pending)').first().waitFor();
    await widget('input[type=file]').setInputFiles({
      name: 'чек.png',
      mimeType: 'image/png',
      buffer: stripesPng(),
    });
    await expect.poll(() => widget('.msg.in img[src^="blob:"]').count()).toBe(1);
    await expect.poll(() => widget('.msg.pending').count()).toBe(0);
    expect(await widget('.msg.in').first().textContent()).toContain('<b>срочно</b>');

    // The operator answers from «Диалоги» in a browser of their own.
    const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(
      desk,
      `${server.baseUrl}/operator/conversations`,
      'admin',
      server.adminPassword,
      'operator-window',
    );
    await desk.getByTestId('conversation-row').first().click();
    await expect.poll(() => desk.getByTestId('conversation-thread').textContent()).toContain('Где мой заказ');
    const answerBox = desk.getByTestId('answer-text');
    await answerBox.fill('Заказ передан в доставку, курьер будет завтра.');
    await answerBox.press('Enter');
    await desk.locator('[data-testid="message"][data-direction="out"]').first().waitFor();
    await desk.close();
    const { items } = await admin.request<{ items: { id: string }[] }>('GET', '/conversations');
    const conversation = items[0]!;
    await expect
      .poll(() => widget('.msg.out:not(.greeting)').last().textContent())
      .toContain('курьер будет завтра');
    await shoot('widget-site');

    await page.reload();
    await widget('.launcher').click();
    await expect.poll(() => widget('.msg.in').count()).toBe(2);
    expect(await widget('.msg.out:not(.greeting)').last().textContent()).toContain('курьер будет завтра');
    await expect.poll(() => widget('.msg.in img[src^="blob:"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await widget('.panel').isHidden()).toBe(true);

    // An answer while the chat is closed: the launcher shows it as unread until the visitor opens the chat.
    await admin.request('POST', `/conversations/${conversation.id}/messages`, {
      body: { text: 'Что-то ещё?' },
    });
    await expect.poll(() => widget('.badge').textContent()).toBe('1');
    expect(await widget('.badge').isVisible()).toBe(true);
    await widget('.launcher').click();
    await expect.poll(() => widget('.badge').isHidden()).toBe(true);
  });

  it('keeps a message written offline and sends it once the network is back, with the answers missed', async () => {
    await page.goto(siteUrl);
    await widget('.launcher').click();
    await expect.poll(() => widget('.msg.in').count()).toBe(2);
    await page.context().setOffline(true);
    const input = widget('textarea');
    await input.fill('Пишу без связи');
    await input.press('Enter');
    await widget('.msg.pending').waitFor();
    const { items } = await admin.request<{ items: { id: string }[] }>('GET', '/conversations');
    await admin.request('POST', `/conversations/${items[0]!.id}/messages`, {
      body: { text: 'Ответ, пока вы были без связи' },
    });
    await page.waitForTimeout(500);
    await page.context().setOffline(false);
    await expect.poll(() => widget('.msg.pending').count()).toBe(0);
    await expect
      .poll(() => widget('.msg.out:not(.greeting)').allTextContents())
      .toContainEqual(expect.stringContaining('пока вы были без связи'));
    await page.reload();
    await widget('.launcher').click();
    const texts = await widget('.msg.in').allTextContents();
    // Sent once, whatever the retries did.
    expect(texts.filter((t) => t.includes('Пишу без связи'))).toHaveLength(1);
  });

  it('takes files dropped on the chat or pasted into it', async () => {
    await page.goto(siteUrl);
    await widget('.launcher').click();
    await page.evaluate(() => {
      const root = document.querySelector('[data-opora-widget]')!.shadowRoot!;
      const file = (name: string) => {
        const data = new DataTransfer();
        data.items.add(new File(['Номер заказа 1234'], name, { type: 'text/plain' }));
        return data;
      };
      const panel = root.querySelector('.panel')!;
      panel.dispatchEvent(
        new DragEvent('drop', { dataTransfer: file('перетащил.txt'), bubbles: true, cancelable: true }),
      );
      const input = root.querySelector('textarea')!;
      input.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: file('вставил.txt'), bubbles: true, cancelable: true }),
      );
    });
    await expect
      .poll(() => widget('.msg.in:not(.pending) a').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('перетащил.txt'),
          expect.stringContaining('вставил.txt'),
        ]),
      );
  });

  it('opens as a whole page in a frame of the channel’s site', async () => {
    const framed = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await framed.goto(siteUrl);
    await framed.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.style.cssText = 'width:400px;height:600px';
      document.body.append(frame);
    }, `${server.baseUrl}/widget/site-chat`);
    const chat = framed.frameLocator('iframe').locator('[data-opora-widget] .panel');
    await chat.waitFor();
    expect(await framed.frameLocator('iframe').locator('[data-opora-widget] .launcher').count()).toBe(0);
    await framed.screenshot({ path: screenshotPath('widget-page-framed-1280') });
    await framed.close();
  });

  it('is on the portal’s pages too', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('site-page').waitFor();
    await widget('.launcher').click();
    await widget('.greeting').waitFor();
    await shoot('widget-portal');
  });
});
