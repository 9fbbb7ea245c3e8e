import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDefinition } from '../../testing/definitions.js';
import { createSupportDesk, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

/** Mail sent by an ordinary SMTP client to the server's listener, routed by recipient to its e-mail channel. */
describe.each(databaseTargets)('inbound e-mail through the SMTP listener on $name', (target) => {
  let h: Harness;
  let port = 0;
  const send = (mail: SendMailOptions) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
      .sendMail({ from: 'Ольга <olga@client.example>', ...mail });
  const stored = (text: string) =>
    h.db.query<{ channel_key: string; external_id: string }>(
      `select c.channel_key, m.external_id from message m join conversation c on c.id = m.conversation_id
        where m.text = ?`,
      [text],
    );

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    for (const [key, address] of [
      ['support-mail', 'help@shop.example'],
      ['billing-mail', 'Billing@Shop.example'],
    ] as const)
      await publishDefinition(h, {
        kind: 'channel',
        key,
        name: key,
        body: {
          schemaVersion: 1,
          title: { ru: key },
          settings: { type: 'email', address, smtp: { host: '127.0.0.1', port: 2525, secure: false } },
        },
      });
    port = await h.app.emailInbound.listen(0, '127.0.0.1');
  });
  afterAll(() => h.close());

  it('puts a mail into the conversation of the channel it was addressed to, once however often it comes', async () => {
    const mail = {
      to: 'help@shop.example',
      subject: 'Заказ 12',
      text: 'Где мой заказ?',
      messageId: '<q1@client>',
    };
    await send(mail);
    await send(mail);
    await send({
      to: 'billing@shop.example',
      subject: 'Счёт',
      text: 'Пришлите счёт',
      messageId: '<q2@client>',
    });
    expect(await stored('Где мой заказ?')).toEqual([
      { channel_key: 'support-mail', external_id: '<q1@client>' },
    ]);
    expect(await stored('Пришлите счёт')).toEqual([
      { channel_key: 'billing-mail', external_id: '<q2@client>' },
    ]);
  });

  it('refuses recipients that are no channel’s address at RCPT, with a clear SMTP error', async () => {
    await expect(send({ to: 'nobody@shop.example', text: 'Кому-нибудь' })).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining('No mailbox nobody@shop.example'),
    });
    expect(await stored('Кому-нибудь')).toEqual([]);
  });

  it('refuses whole a mail with too many or too large files, absurd headers or no readable structure', async () => {
    const files = Array.from({ length: 11 }, (_, i) => ({ filename: `f${i}.txt`, content: `file ${i}` }));
    await expect(
      send({ to: 'help@shop.example', text: 'Много файлов', attachments: files }),
    ).rejects.toMatchObject({
      responseCode: 554,
      response: expect.stringContaining('too many attachments'),
    });
    await expect(
      send({
        to: 'help@shop.example',
        text: 'Длинный заголовок',
        headers: { 'X-Junk': 'a'.repeat(300 * 1024) },
      }),
    ).rejects.toMatchObject({ responseCode: 554 });
    await expect(
      send({
        envelope: { from: 'olga@client.example', to: ['help@shop.example'] },
        raw: '\u0000\u0001garbage without structure',
      }),
    ).rejects.toMatchObject({ responseCode: 554 });
    const rows = await h.db.query(
      "select 1 from message where text in ('Много файлов', 'Длинный заголовок') or text like '%garbage%'",
    );
    expect(rows).toEqual([]);
  });

  it('keeps serving after refusals: the next good mail is stored', async () => {
    await send({ to: 'help@shop.example', text: 'Ещё вопрос', messageId: '<q3@client>' });
    expect(await stored('Ещё вопрос')).toHaveLength(1);
  });
});
