import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailAdapter } from './email-adapter.js';
import type { EmailSettings } from './email-settings.js';
import { readMail } from './read-mail.js';
import { createSmtpListener } from './smtp-listener.js';

/** A message as a mail program would send it, built with nodemailer's composer. */
async function compose(options: Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0]) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(options);
  return info.message as unknown as Buffer;
}

describe('the e-mail channel', () => {
  const received: Buffer[] = [];
  const listener = createSmtpListener({
    port: 0,
    host: '127.0.0.1',
    acceptsRecipient: (address) => address === 'help@example.ru' || address === 'client@example.ru',
    onMessage: async (raw) => {
      received.push(raw);
    },
  });
  let settings: EmailSettings;
  const adapter = new EmailAdapter();

  beforeAll(async () => {
    const port = await listener.listen();
    settings = {
      address: 'help@example.ru',
      displayName: 'Поддержка',
      smtp: { host: '127.0.0.1', port, secure: false },
    };
  });
  afterAll(() => listener.close());

  it('reads who wrote, the ids that thread it, the text without the quote, and the files', async () => {
    const raw = await compose({
      from: 'Мария <Maria@Example.ru>',
      to: 'help@example.ru',
      subject: 'Re: Заказ 12',
      messageId: '<reply-1@example.ru>',
      inReplyTo: '<answer-1@example.ru>',
      references: ['<question-1@example.ru>', '<answer-1@example.ru>'],
      text: 'Спасибо, получила!\n\nср, 2 дек. 2026 г. в 21:00, Поддержка <help@example.ru>:\n> Заказ передан курьеру',
      attachments: [{ filename: 'чек.pdf', content: Buffer.from('%PDF'), contentType: 'application/pdf' }],
    });
    const parsed = await readMail(raw);
    expect(parsed.ok && parsed.messages[0]).toMatchObject({
      from: { externalId: 'maria@example.ru', email: 'Maria@example.ru', displayName: 'Мария' },
      externalMessageId: '<reply-1@example.ru>',
      replyTo: ['<answer-1@example.ru>', '<question-1@example.ru>'],
      subject: 'Re: Заказ 12',
      message: { text: 'Спасибо, получила!' },
      files: [{ name: 'чек.pdf', contentType: 'application/pdf' }],
    });
  });

  it('ignores automatic replies and bounces, refuses absurd headers and what has no sender', async () => {
    const auto = await compose({
      from: 'a@example.ru',
      to: 'help@example.ru',
      text: 'Я в отпуске',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(await readMail(auto)).toMatchObject({ ok: true, messages: [] });
    const bounce = await compose({
      from: 'MAILER-DAEMON@example.ru',
      to: 'help@example.ru',
      text: 'Undelivered',
    });
    expect(await readMail(bounce)).toMatchObject({ ok: true, messages: [] });
    const hugeHeader = Buffer.from(`X-Junk: ${'a'.repeat(300 * 1024)}\r\nFrom: a@example.ru\r\n\r\nhi`);
    expect(await readMail(hugeHeader)).toMatchObject({ ok: false });
    expect(await readMail(Buffer.from('Subject: no sender\r\n\r\ntext'))).toMatchObject({ ok: false });
    expect(await readMail(Buffer.from('\u0000\u0001garbage without structure'))).toMatchObject({ ok: false });
  });

  it('sends an answer that threads in the client’s mail program and whose reply comes back cut to its news', async () => {
    const sent = await adapter.send(settings, {
      to: { externalId: 'client@example.ru', email: 'client@example.ru' },
      message: {
        text: 'Что случилось с заказом?',
        parts: [
          {
            type: 'buttons',
            buttons: [
              { label: 'Не пришёл', value: 'missing' },
              { label: 'Пришёл не тот', value: 'wrong' },
            ],
          },
        ],
        attachments: [],
      },
      files: [],
      thread: ['<question-1@example.ru>'],
      subject: 'Заказ 12',
      idempotencyKey: 'send-42',
    });
    expect(sent.externalMessageId).toBe('<send-42@example.ru>');
    await expect.poll(() => received.length).toBe(1);
    const answer = received[0]!.toString('utf8');
    expect(answer).toMatch(/^Message-ID: <send-42@example\.ru>/im);
    expect(answer).toMatch(/^In-Reply-To: <question-1@example\.ru>/im);
    const reply = await compose({
      from: 'client@example.ru',
      to: 'help@example.ru',
      subject: 'Re: Заказ 12',
      inReplyTo: sent.externalMessageId,
      text: `2\n\n${(await readMail(received[0]!)).ok ? 'Поддержка пишет:' : ''}\n> ${'цитата'}`,
    });
    const parsed = await readMail(reply);
    expect(parsed.ok && parsed.messages[0]).toMatchObject({
      message: { text: '2' },
      replyTo: ['<send-42@example.ru>'],
    });
  });

  it('refuses mail for addresses that are not ours', async () => {
    const port = Number(settings.smtp.port);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    await expect(
      transport.sendMail({ from: 'x@example.ru', to: 'someone-else@example.com', text: 'hi' }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });
});
