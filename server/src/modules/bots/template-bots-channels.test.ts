import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpListener } from '../../channels/email/smtp-listener.js';
import { sign, signatureHeaders } from '../../channels/webhook/webhook-signature.js';
import { drainBotJobs } from '../../testing/bot-fixture.js';
import { publishDefinition } from '../../testing/definitions.js';
import { publishLine } from '../../testing/distribution-fixture.js';
import { FakeTelegram } from '../../testing/fake-telegram.js';
import { importTemplate } from '../../testing/template.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { tinyPng } from '../../testing/widget-fixture.js';

const menu = [
  'Сменить пароль',
  'Забыл логин',
  'Восстановить пароль',
  'Сменить фото профиля',
  'Не могу войти',
  'Другое — нужен оператор',
];
const thanksText = 'Рады помочь! Если появятся вопросы — просто напишите сюда.';
const poll = { timeout: 20_000, interval: 50 };

/**
 * The template's «account questions» bot on the channels that are not the widget: Telegram (choices as an inline
 * keyboard, a press comes back as a callback query, a photo as a Telegram file), e-mail (choices as a numbered
 * list, answered by the number above or below the quoted mail, or by a copied line of the list) and a messenger
 * gateway's webhook (buttons as structured parts, pressed by position alone).
 */
describe.each(databaseTargets)('a template bot on Telegram, e-mail and a webhook on $name', (target) => {
  let h: Harness;
  const telegram = new FakeTelegram();
  const mailbox: Buffer[] = [];
  const clientMail = createSmtpListener({
    port: 0,
    host: '127.0.0.1',
    acceptsRecipient: () => true,
    onMessage: async (raw) => {
      mailbox.push(raw);
    },
  });
  let smtpPort = 0;
  let gateway: Server;
  const gatewayCalls: { text: string; buttons: { index: number; label: string }[] }[] = [];
  const hookSecret = 'hook-secret-template';
  const gatewaySecret = 'gateway-secret-template';

  beforeAll(async () => {
    await telegram.start();
    const clientMailPort = await clientMail.listen();
    gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        gatewayCalls.push(JSON.parse(body));
        response.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const gatewayPort = (gateway.address() as AddressInfo).port;

    h = await createHarness(target, { secretsKey: 'template-channels-test-key-0001' });
    await importTemplate(h);
    await h.app.secrets.put('tg_token', '42:token', undefined, null);
    await h.app.secrets.put('tg_hook', hookSecret, undefined, null);
    await h.app.secrets.put('gw_secret', gatewaySecret, undefined, null);
    const channels = {
      'tg-support': {
        type: 'telegram',
        tokenSecret: 'tg_token',
        webhookSecret: 'tg_hook',
        mode: 'webhook',
        apiRoot: telegram.apiRoot,
      },
      'mail-support': {
        type: 'email',
        address: 'help@shop.example',
        smtp: { host: '127.0.0.1', port: clientMailPort, secure: false },
      },
      'gw-support': {
        type: 'webhook',
        secret: 'gw_secret',
        outboundUrl: `http://127.0.0.1:${gatewayPort}/hook`,
        allowedAddresses: [`127.0.0.1:${gatewayPort}`],
      },
    };
    for (const [key, settings] of Object.entries(channels))
      await publishDefinition(h, {
        kind: 'channel',
        key,
        name: key,
        body: { schemaVersion: 1, title: { ru: key }, settings },
      });
    await publishLine(h.app, 'account-everywhere', 'tg-support', {
      bot: 'account-questions',
      order: 1,
      groups: ['first-line'],
      rules: [{ id: 'by-channel', channels: Object.keys(channels) }],
    });
    smtpPort = await h.app.emailInbound.listen(0, '127.0.0.1');
    h.app.jobWorker.start();
  });
  afterAll(async () => {
    await h.close();
    await telegram.stop();
    await clientMail.close();
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
  });

  describe('Telegram', () => {
    const chat = { id: 8101, type: 'private', first_name: 'Ирина' };
    let update = 500;
    const deliver = async (body: object) => {
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/v1/channels/tg-support/telegram',
        headers: { 'x-telegram-bot-api-secret-token': hookSecret },
        payload: { update_id: ++update, ...body },
      });
      expect(response.statusCode).toBe(200);
      await drainBotJobs(h.app);
    };
    const sentTo = () => telegram.sent().filter((call) => call.chatId === String(chat.id));
    const payloadOf = (index: number) => sentTo()[index]!.payload as Record<string, unknown>;

    it('offers the menu as an inline keyboard, takes a pressed button and a photo into a request', async () => {
      await deliver({ message: { message_id: 1, chat, from: chat, text: 'Вопрос про личный кабинет' } });
      await expect.poll(() => sentTo().length, poll).toBe(1);
      const offer = payloadOf(0);
      expect(offer.text).toBe('С чем помочь в личном кабинете?');
      const keyboard = offer.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
      expect(keyboard.inline_keyboard.map((row) => row[0]!.text)).toEqual(menu);

      // Telegram echoes the message the keyboard hangs under; the press names its button by position.
      await deliver({
        callback_query: {
          id: 'press-photo',
          from: chat,
          data: keyboard.inline_keyboard[3]![0]!.callback_data,
          message: { message_id: 77, chat, text: offer.text, reply_markup: keyboard },
        },
      });
      await expect.poll(() => sentTo().length, poll).toBe(2);
      expect(payloadOf(1).text).toContain('Пришлите новое фото профиля');
      expect(
        telegram
          .sent('answerCallbackQuery')
          .map((c) => (c.payload as { callback_query_id: string }).callback_query_id),
      ).toContain('press-photo');

      telegram.files.set('avatar-1', new Uint8Array(tinyPng));
      await deliver({
        message: {
          message_id: 2,
          chat,
          from: chat,
          photo: [{ file_id: 'avatar-1', file_size: tinyPng.length }],
        },
      });
      await expect.poll(() => sentTo().length, poll).toBe(3);
      expect(payloadOf(2).text).toBe(
        'Фото получили и передали специалисту — профиль обновится в течение рабочего дня.',
      );
    });
  });

  describe('e-mail', () => {
    const from = 'Ольга <olga@client.example>';
    /** The answers the client's mail server received for `address`, oldest first. */
    const mailsTo = async (address: string) => {
      const mails = await Promise.all(mailbox.map((raw) => simpleParser(raw)));
      return mails.filter((mail) => JSON.stringify(mail.to ?? '').includes(address));
    };
    const write = async (mail: SendMailOptions) => {
      await nodemailer
        .createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true })
        .sendMail({ from, to: 'help@shop.example', ...mail });
      await drainBotJobs(h.app);
    };
    /** Waits for the `count`-th answer to Olga (as her server received them) and answers it. */
    const answer = async (count: number) => {
      await expect
        .poll(async () => (await mailsTo('olga@client.example')).length, poll)
        .toBeGreaterThanOrEqual(count);
      const mail = (await mailsTo('olga@client.example'))[count - 1]!;
      return { text: mail.text ?? '', messageId: mail.messageId!, subject: mail.subject ?? '' };
    };
    const quoted = (text: string) =>
      text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');

    it('sends choices as a numbered list and understands the number, above or below the quote, or a copied line', async () => {
      await write({
        subject: 'Личный кабинет',
        text: 'Здравствуйте! Вопрос про личный кабинет.',
        messageId: '<o1@client>',
      });
      const first = await answer(1);
      expect(first.text).toContain('С чем помочь в личном кабинете?');
      expect(first.text).toContain(menu.map((label, i) => `${i + 1}. ${label}`).join('\n'));

      // The number on top, the previous mail quoted under it.
      await write({
        subject: `Re: ${first.subject}`,
        inReplyTo: first.messageId,
        text: `5\n\nOn Thu, 3 Dec 2026 at 10:00, Opora <help@shop.example> wrote:\n${quoted(first.text)}`,
        messageId: '<o2@client>',
      });
      const second = await answer(2);
      expect(second.text).toContain('Что происходит при входе?');
      expect(second.text).toContain('2. Кабинет заблокирован');

      // The number under the quote.
      await write({
        subject: `Re: ${second.subject}`,
        inReplyTo: second.messageId,
        text: `Opora <help@shop.example> пишет:\n${quoted(second.text)}\n\n2\n`,
        messageId: '<o3@client>',
      });
      // The explanation and the question are two mails, which may arrive in either order.
      const turn = [await answer(3), await answer(4)];
      expect(turn.some((mail) => mail.text.includes('После пяти неверных попыток вход блокируется'))).toBe(
        true,
      );
      const fourth = turn.find((mail) => mail.text.includes('Это помогло?'))!;
      expect(fourth.text).toContain('1. Да, спасибо');

      // A line of the list copied whole.
      await write({
        subject: `Re: ${fourth.subject}`,
        inReplyTo: fourth.messageId,
        text: `1. Да, спасибо\n\n${quoted(fourth.text)}`,
        messageId: '<o4@client>',
      });
      expect((await answer(5)).text).toContain(thanksText);
    });
  });

  describe('webhook', () => {
    let id = 0;
    const post = async (body: object) => {
      const raw = JSON.stringify({ messageId: `gw-${++id}`, from: { id: 'gw-501', name: 'Пётр' }, ...body });
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/v1/channels/gw-support/webhook',
        headers: {
          'content-type': 'application/json',
          [signatureHeaders.timestamp]: String(timestamp),
          [signatureHeaders.signature]: sign(gatewaySecret, timestamp, raw),
        },
        payload: raw,
      });
      expect(response.statusCode).toBeLessThan(300);
      await drainBotJobs(h.app);
    };

    it('sends buttons as structured parts and takes a press by its position alone', async () => {
      await post({ text: 'Помогите с личным кабинетом' });
      await expect.poll(() => gatewayCalls.length, poll).toBe(1);
      expect(gatewayCalls[0]).toMatchObject({
        text: 'С чем помочь в личном кабинете?',
        buttons: menu.map((label, index) => ({ index, label })),
      });
      await post({ pressed: 0 });
      await expect.poll(() => gatewayCalls.length, poll).toBe(3);
      // One turn's answers are separate calls that may reach the gateway in either order.
      const turn = gatewayCalls.slice(1);
      expect(turn.some((call) => call.text.includes('Чтобы сменить пароль'))).toBe(true);
      expect(turn.find((call) => call.buttons.length)).toMatchObject({
        text: 'Это помогло?',
        buttons: [
          { index: 0, label: 'Да, спасибо' },
          { index: 1, label: 'Нет, нужен оператор' },
        ],
      });
      await post({ pressed: 0 });
      await expect.poll(() => gatewayCalls.length, poll).toBe(4);
      expect(gatewayCalls[3]!.text).toBe(thanksText);
    });
  });
});
