import { createHash, randomBytes } from 'node:crypto';
import type { InboundMessage } from '@opora/runtime/conversations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportDesk, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const telegram = { type: 'telegram' as const, key: 'support-bot' };
let sequence = 0;
const inbound = (externalId: string, text: string): InboundMessage => ({
  from: { externalId, displayName: `Клиент ${externalId}` },
  externalMessageId: `att-${++sequence}`,
  message: { text, parts: [], attachments: [] },
  files: [],
});

/** One file part in a multipart body, as a browser's FormData sends it. */
function multipart(filename: string, type: string, content: Buffer) {
  const boundary = `----opora${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

/** Files an operator drops into an answer: uploaded first, then sent with (or without) text. */
describe.each(databaseTargets)('answers with attachments on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  let conversationId: string;
  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const upload = (id: string, headers: Record<string, string>, content: Buffer, name = 'Счёт №5.pdf') => {
    const { body, type } = multipart(name, 'application/pdf', content);
    return h.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${id}/attachments`,
      headers: { ...headers, 'content-type': type },
      payload: body,
    });
  };

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    operator = await h.as('operator');
    const taken = await h.app.conversations.takeInbound(
      telegram,
      inbound('7001', 'Пришлите счёт, пожалуйста'),
    );
    conversationId = taken.conversation.id;
  });
  afterAll(() => h.close());

  it('uploads a file, sends it without text, and serves it through the conversation', async () => {
    const content = Buffer.from('%PDF-1.4 счёт');
    const uploaded = await upload(conversationId, operator, content);
    expect(uploaded.statusCode).toBe(201);
    const ref = uploaded.json();
    expect(ref).toEqual({
      fileId: createHash('sha256').update(content).digest('hex'),
      name: 'Счёт №5.pdf',
      contentType: 'application/pdf',
      size: content.length,
    });
    // The browser's word on the size is not taken.
    const answered = await call('POST', `/conversations/${conversationId}/messages`, operator, {
      attachments: [{ ...ref, size: 1 }],
    });
    expect(answered.statusCode).toBe(201);
    expect(answered.json()).toMatchObject({ text: '', attachments: [{ ...ref, size: content.length }] });
    const file = await call('GET', `/conversations/${conversationId}/files/${ref.fileId}`, operator);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(content)).toBe(true);
  });

  it('sends text and a file together', async () => {
    const ref = (await upload(conversationId, operator, Buffer.from('второй файл'), 'акт.pdf')).json();
    const answered = await call('POST', `/conversations/${conversationId}/messages`, operator, {
      text: 'Акт во вложении',
      attachments: [ref],
    });
    expect(answered.json()).toMatchObject({ text: 'Акт во вложении', attachments: [ref] });
  });

  it('refuses an answer with neither text nor files, and a file that was never uploaded', async () => {
    const empty = await call('POST', `/conversations/${conversationId}/messages`, operator, {
      attachments: [],
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].pointer).toBe('/text');
    const ghost = { fileId: 'a'.repeat(64), name: 'x.pdf', contentType: 'application/pdf', size: 1 };
    const missing = await call('POST', `/conversations/${conversationId}/messages`, operator, {
      text: 'x',
      attachments: [ghost],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].pointer).toBe('/attachments/0/fileId');
    const notHash = await call('POST', `/conversations/${conversationId}/messages`, operator, {
      attachments: [{ ...ghost, fileId: '../../etc/passwd' }],
    });
    expect(notHash.statusCode).toBe(400);
  });

  it('refuses uploads to an unknown conversation, without multipart, and from a client', async () => {
    expect(
      (await upload('00000000-0000-4000-8000-000000000000', operator, Buffer.from('x'))).statusCode,
    ).toBe(404);
    const plain = await call('POST', `/conversations/${conversationId}/attachments`, operator, { file: 'x' });
    expect(plain.statusCode).toBe(415);
    expect(plain.json().error.code).toBe('unsupported_media_type');
    expect((await upload(conversationId, await h.as('client'), Buffer.from('x'))).statusCode).toBe(403);
  });
});
