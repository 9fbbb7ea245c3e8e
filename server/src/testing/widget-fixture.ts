import type { InjectOptions } from 'fastify';
import { publishDefinition } from './definitions.js';
import type { Harness } from './test-app.js';

/** The site the test channel allows, and one it does not. */
export const shopOrigin = 'https://shop.example.ru';
export const strangerOrigin = 'https://evil.example';

/** Publishes the widget channel the tests talk to (as an administrator would). */
export async function publishWidgetChannel(h: Harness, key = 'site-chat') {
  await publishDefinition(h, {
    kind: 'channel',
    key,
    name: 'Чат на сайте',
    body: {
      schemaVersion: 1,
      title: { ru: 'Чат на сайте', en: 'Site chat' },
      settings: {
        type: 'widget',
        allowedOrigins: [shopOrigin],
        greeting: { ru: 'Здравствуйте! Чем помочь?', en: 'Hello! How can we help?' },
      },
    },
  });
}

/** A widget as a page of `origin` drives it, from one address: its session token and a call helper. */
export async function widgetVisitor(
  h: Harness,
  options: { ip: string; origin?: string; key?: string; token?: string; cookie?: string },
) {
  const key = options.key ?? 'site-chat';
  const origin = options.origin ?? shopOrigin;
  const call = (request: Omit<InjectOptions, 'url'> & { path: string }, token?: string) => {
    const { path, headers, ...rest } = request;
    return h.app.inject({
      ...rest,
      url: `/api/v1/widget/${key}${path}`,
      remoteAddress: options.ip,
      headers: {
        origin,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(headers ?? {}),
      },
    });
  };
  const started = await call({
    method: 'POST',
    path: '/session',
    payload: options.token ? { token: options.token } : {},
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  if (started.statusCode !== 200) throw new Error(`session failed: ${started.statusCode} ${started.body}`);
  const session = started.json() as { token: string; visitorId: string; recognised: boolean };
  return {
    session,
    call: (request: Omit<InjectOptions, 'url'> & { path: string }) => call(request, session.token),
    send: (clientMessageId: string, text: string) =>
      call({ method: 'POST', path: '/messages', payload: { clientMessageId, text } }, session.token),
    history: (after?: number) =>
      call(
        { method: 'GET', path: after === undefined ? '/messages' : `/messages?after=${after}` },
        session.token,
      ),
  };
}

/** A multipart body of one file (and the message id field before it). */
export function uploadBody(clientMessageId: string, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = '----opora-widget-test';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="clientMessageId"\r\n\r\n${clientMessageId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file.bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The smallest PNG there is (1×1, transparent). */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
