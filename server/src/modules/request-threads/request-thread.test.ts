import type { AddressInfo } from 'node:net';
import type { EntityBody } from '@opora/runtime/definitions';
import type { LiveMessage } from '@opora/sdk';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SmtpTransport } from '../../adapters/mail/smtp-transport.js';
import { readMail } from '../../channels/email/read-mail.js';
import { createSmtpListener } from '../../channels/email/smtp-listener.js';
import {
  createSupportDesk,
  portalFormKey,
  publishPortal,
  signupClient,
  type TestClient,
} from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { linkAnonymousRequests } from '../portal-account/link-anonymous-requests.js';

const mailbox = 'help@example.ru';
const emailChannel = { type: 'email' as const, key: 'support-mail' };

/** The client's mail program answering one of our notifications, above the quoted answer. */
async function replyTo(mail: Buffer, from: string, text: string): Promise<Buffer> {
  const parsed = await readMail(mail);
  if (!parsed.ok) throw new Error('our own notification did not parse');
  const original = mail.toString('utf8');
  const messageId = /^Message-ID: (<[^>]+>)/im.exec(original)![1]!;
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail({
    from,
    to: mailbox,
    subject: 'Re: обращение',
    inReplyTo: messageId,
    references: [messageId],
    text: `${text}\n\nПоддержка пишет:\n> ${parsed.messages[0]?.message.text ?? ''}`,
  });
  return info.message as unknown as Buffer;
}

describe.each(databaseTargets)('requests’ threads on $name', (target) => {
  let h: Harness;
  let anna: TestClient;
  let boris: TestClient;
  let operator: Record<string, string>;
  const mails: { to: string[]; raw: Buffer }[] = [];
  const smtp = createSmtpListener({
    port: 0,
    host: '127.0.0.1',
    acceptsRecipient: () => true,
    onMessage: async (raw, envelope) => {
      mails.push({ to: envelope.to, raw });
    },
  });
  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const submit = async (headers: Record<string, string>, data: object) => {
    const res = await call('POST', `/portal/forms/${portalFormKey}/submit`, headers, { data });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  const answer = async (id: string, text: string, internal = false) => {
    const res = await call('POST', `/records/request/${id}/thread`, operator, { text, internal });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  /** Until no job is waiting or running: the worker sends as it would in the server. */
  const work = () =>
    expect
      .poll(async () => (await h.db.query("select 1 from job where status in ('pending', 'running')")).length)
      .toBe(0);
  const mailsTo = (address: string) => mails.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    const port = await smtp.listen();
    h = await createHarness(target);
    await createSupportDesk(h);
    await addEmailField(h);
    await publishPortal(h);
    const channel = await h.app.definitions.create(
      {
        kind: 'channel',
        key: emailChannel.key,
        name: 'Почта поддержки',
        body: {
          schemaVersion: 1,
          title: { ru: 'Почта поддержки' },
          settings: { type: 'email', address: mailbox, smtp: { host: '127.0.0.1', port, secure: false } },
        },
      },
      null,
      'ru',
    );
    await h.app.definitions.publish(channel.id, channel.draftVersion, null, 'ru');
    h.app.mailer.useTransport(new SmtpTransport(`smtp://127.0.0.1:${port}?from=noreply@example.ru`));
    anna = await signupClient(h, 'Анна', 'anna@example.ru');
    boris = await signupClient(h, 'Борис', 'boris@example.ru');
    operator = await h.as('operator');
    h.app.jobWorker.start();
  });
  afterAll(async () => {
    await h.close();
    await smtp.close();
  });

  it('opens the thread with the portal request, the same one for the client and the operator', async () => {
    const id = await submit(anna.headers, { subject: 'Не приходит счёт', description: 'Третий месяц' });
    const mine = await call('GET', `/portal/my/requests/${id}/messages`, anna.headers);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      conversation: { channel: 'portal', requestRecordId: id, clientRecordId: anna.recordId },
      messages: [],
    });
    const staff = await call('GET', `/records/request/${id}/thread`, operator);
    expect(staff.json().conversation.id).toBe(mine.json().conversation.id);
  });

  it('pushes the specialist’s answer to the client’s open pages, never an internal note', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const id = await submit(anna.headers, { subject: 'Живой ответ', description: 'Жду' });
    const messages: LiveMessage[] = [];
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/portal/live`, {
      headers: { cookie: anna.cookie },
      origin: base,
    });
    ws.on('message', (data) => messages.push(JSON.parse(String(data)) as LiveMessage));
    await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
    await answer(id, 'Заметка', true);
    const sent = await answer(id, 'Уже смотрим');
    await expect
      .poll(() =>
        messages.filter((m) => m.type === 'message').map((m) => m.type === 'message' && m.message.id),
      )
      .toContain(sent.id);
    expect(JSON.stringify(messages)).not.toContain('Заметка');
    ws.close();
  });

  it('shows the client public messages only and nobody else’s request', async () => {
    const id = await submit(anna.headers, { subject: 'Вопрос по тарифу', description: 'Какой выбрать?' });
    await answer(id, 'Подойдёт «Базовый»');
    await answer(id, 'Клиент уже спрашивал в чате', true);
    const write = { text: 'Спасибо!', clientMessageId: 'anna-1' };
    const first = await call('POST', `/portal/my/requests/${id}/messages`, anna.headers, write);
    const again = await call('POST', `/portal/my/requests/${id}/messages`, anna.headers, write);
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);

    const texts = (res: { json(): { messages: { text: string }[] } }) =>
      res.json().messages.map((m) => m.text);
    expect(texts(await call('GET', `/portal/my/requests/${id}/messages`, anna.headers))).toEqual([
      'Подойдёт «Базовый»',
      'Спасибо!',
    ]);
    expect(texts(await call('GET', `/records/request/${id}/thread`, operator))).toEqual([
      'Подойдёт «Базовый»',
      'Клиент уже спрашивал в чате',
      'Спасибо!',
    ]);
    expect((await call('GET', `/portal/my/requests/${id}/messages`, boris.headers)).statusCode).toBe(404);
    expect(
      (
        await call('POST', `/portal/my/requests/${id}/messages`, boris.headers, {
          ...write,
          clientMessageId: 'b',
        })
      ).statusCode,
    ).toBe(404);
    expect((await call('GET', `/portal/my/requests/${id}/messages`, operator)).statusCode).toBe(403);
    expect((await call('GET', `/records/request/${id}/thread`, anna.headers)).statusCode).toBe(403);
    const bad = await call('POST', `/portal/my/requests/${id}/messages`, anna.headers, { text: '   ' });
    expect(bad.statusCode).toBe(400);
  });

  it('mails an operator’s answer once, and the client’s e-mail reply lands in the same thread', async () => {
    const id = await submit(anna.headers, { subject: 'Не работает вход', description: 'Пишет «ошибка»' });
    await work();
    const before = mailsTo('anna@example.ru').length;
    const sent = await answer(id, 'Сбросьте пароль по ссылке «Забыли пароль?»');
    await answer(id, 'Заметка для коллег', true);
    await work();
    await expect.poll(() => mailsTo('anna@example.ru').length).toBe(before + 1);
    const mail = mailsTo('anna@example.ru').at(-1)!.raw;
    const text = mail.toString('utf8');
    expect(text).toMatch(/^Reply-To: help@example\.ru/im);
    expect(text).not.toContain('Заметка для коллег');
    const [row] = await h.db.query<{ external_id: string; delivery: string }>(
      'select external_id, delivery from message where id = ?',
      [sent.id],
    );
    expect(row).toMatchObject({ delivery: 'sent' });
    expect(text).toContain(`Message-ID: ${row!.external_id}`);

    const parsed = await readMail(await replyTo(mail, 'Анна <anna@example.ru>', 'Сбросила, всё работает'));
    const taken = await h.app.conversations.takeInbound(
      emailChannel,
      parsed.ok ? parsed.messages[0]! : never(),
    );
    const thread = (await call('GET', `/portal/my/requests/${id}/messages`, anna.headers)).json();
    expect(taken.conversation.id).toBe(thread.conversation.id);
    expect(thread.messages.at(-1)).toMatchObject({ direction: 'in', text: 'Сбросила, всё работает' });
    await work();
    expect(mailsTo('anna@example.ru').length).toBe(before + 1);
  });

  it('keeps an anonymous request’s thread: its e-mail reply lands there, and it follows the request on sign-up', async () => {
    const id = await submit({}, { subject: 'Без входа', description: 'Вопрос', email: 'Vera@Example.ru' });
    await answer(id, 'Ответили на почту');
    await work();
    await expect.poll(() => mailsTo('vera@example.ru').length).toBe(1);
    // She signs up, but has not confirmed the address yet: the request is not hers to read.
    const vera = await signupClient(h, 'Вера', 'vera@example.ru');
    expect((await call('GET', `/portal/my/requests/${id}/messages`, vera.headers)).statusCode).toBe(404);
    const parsed = await readMail(
      await replyTo(mailsTo('vera@example.ru')[0]!.raw, 'vera@example.ru', 'Поняла'),
    );
    const taken = await h.app.conversations.takeInbound(
      emailChannel,
      parsed.ok ? parsed.messages[0]! : never(),
    );
    const staff = (await call('GET', `/records/request/${id}/thread`, operator)).json();
    expect(taken.conversation.id).toBe(staff.conversation.id);

    const actor = {
      id: vera.userId,
      login: 'vera',
      name: 'Вера',
      roles: ['client' as const],
      locale: 'ru' as const,
      via: 'session' as const,
    };
    await h.db.transaction((tx) =>
      linkAnonymousRequests(h.app, tx, {
        actor,
        recordId: vera.recordId,
        email: 'vera@example.ru',
        locale: 'ru',
      }),
    );
    const mine = await call('GET', `/portal/my/requests/${id}/messages`, vera.headers);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().conversation.clientRecordId).toBe(vera.recordId);
    expect(mine.json().messages.map((m: { text: string }) => m.text)).toEqual([
      'Ответили на почту',
      'Поняла',
    ]);
  });
});

function never(): never {
  throw new Error('the reply did not parse');
}

/** The requests of these tests carry the sender's address, as an anonymous portal form asks for it. */
async function addEmailField(h: Harness): Promise<void> {
  const { definitions } = h.app;
  const entity = (await definitions.list({ kind: 'entity', q: 'request' })).items.find(
    (d) => d.key === 'request',
  )!;
  const current = await definitions.get(entity.id);
  const body = current.body as EntityBody;
  const fields = [...body.fields, { key: 'email', type: 'email', label: { ru: 'Почта', en: 'Email' } }];
  const updated = await definitions.update(
    entity.id,
    { name: current.name, body: { ...body, fields }, draftVersion: current.draftVersion },
    null,
    'ru',
  );
  await definitions.publish(entity.id, updated.draftVersion, null, 'ru');
  const form = (await definitions.list({ kind: 'form', q: portalFormKey })).items.find(
    (d) => d.key === portalFormKey,
  )!;
  const formDraft = await definitions.get(form.id);
  const formBody = formDraft.body as { layout: object[] };
  const layout = [...formBody.layout, { id: 'email', type: 'field', field: 'email' }];
  const formUpdated = await definitions.update(
    form.id,
    { name: formDraft.name, body: { ...formBody, layout }, draftVersion: formDraft.draftVersion },
    null,
    'ru',
  );
  await definitions.publish(form.id, formUpdated.draftVersion, null, 'ru');
}
