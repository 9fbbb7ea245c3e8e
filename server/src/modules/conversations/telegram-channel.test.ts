import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDefinition } from '../../testing/definitions.js';
import { FakeTelegram } from '../../testing/fake-telegram.js';
import { createSupportDesk, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

/** A Telegram channel configured as an administrator would: a published definition naming its secrets. */
describe.each(databaseTargets)('a Telegram channel end to end on $name', (target) => {
  let h: Harness;
  const fake = new FakeTelegram();
  const hookSecret = 'hook-secret-123';
  let update = 100;
  const post = (body: object, secret?: string, key = 'support-bot') =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/channels/${key}/telegram`,
      headers: secret ? { 'x-telegram-bot-api-secret-token': secret } : {},
      payload: body,
    });
  const chat = { id: 7001, type: 'private', first_name: 'Ирина' };
  const textUpdate = (text: string) => ({
    update_id: ++update,
    message: { message_id: update, chat, from: chat, text },
  });

  beforeAll(async () => {
    await fake.start();
    h = await createHarness(target, { secretsKey: 'telegram-channel-test-key-0001' });
    await createSupportDesk(h);
    await publishPortal(h);
    await h.app.secrets.put('tg_token', '42:token', undefined, null);
    await h.app.secrets.put('tg_hook', hookSecret, undefined, null);
    await publishDefinition(h, {
      kind: 'channel',
      key: 'support-bot',
      name: 'Бот поддержки',
      body: {
        schemaVersion: 1,
        title: { ru: 'Бот поддержки' },
        settings: {
          type: 'telegram',
          tokenSecret: 'tg_token',
          webhookSecret: 'tg_hook',
          mode: 'webhook',
          apiRoot: fake.apiRoot,
        },
      },
    });
    h.app.jobWorker.start();
  });
  afterAll(async () => {
    await h.close();
    await fake.stop();
  });

  it('refuses calls without the webhook’s secret and for channels that do not exist', async () => {
    expect((await post(textUpdate('подделка'))).statusCode).toBe(403);
    expect((await post(textUpdate('подделка'), 'wrong')).statusCode).toBe(403);
    expect((await post(textUpdate('нет канала'), hookSecret, 'no-such-bot')).statusCode).toBe(404);
    expect((await h.db.query("select 1 from message where text like 'подделка%'")).length).toBe(0);
  });

  it('takes a message once however often Telegram delivers it, and keeps its photo', async () => {
    const first = textUpdate('Здравствуйте, заказ не пришёл');
    expect((await post(first, hookSecret)).statusCode).toBe(200);
    expect((await post(first, hookSecret)).statusCode).toBe(200);
    fake.files.set('photo-1', new Uint8Array([9, 8, 7]));
    const photo = {
      update_id: ++update,
      message: {
        message_id: update,
        chat,
        caption: 'Вот чек',
        photo: [{ file_id: 'photo-1', file_size: 3 }],
      },
    };
    expect((await post(photo, hookSecret)).statusCode).toBe(200);
    const rows = await h.db.query<{ text: string; attachments: unknown }>(
      "select m.text, m.attachments from message m join contact k on k.id = (select contact_id from conversation where id = m.conversation_id) where k.external_id = '7001' order by m.seq",
    );
    expect(rows.map((r) => r.text)).toEqual(['Здравствуйте, заказ не пришёл', 'Вот чек']);
    const [attachment] = (
      typeof rows[1]!.attachments === 'string' ? JSON.parse(rows[1]!.attachments) : rows[1]!.attachments
    ) as { fileId: string; size: number }[];
    expect(attachment).toMatchObject({ name: 'photo.jpg', size: 3 });
    expect(await h.app.fileStore.open(attachment!.fileId)).toBeDefined();
  });

  it('sends the operator’s answer through the published channel with its secret token', async () => {
    const [conversation] = await h.db.query<{ id: string }>(
      "select c.id from conversation c join contact k on k.id = c.contact_id where k.external_id = '7001'",
    );
    const answer = await h.app.conversations.answer(
      conversation!.id,
      { authorKind: 'operator', message: { text: 'Проверим и вернёмся', parts: [], attachments: [] } },
      null,
    );
    await expect
      .poll(
        async () =>
          (
            await h.db.query<{ delivery: string }>('select delivery from message where id = ?', [answer.id])
          )[0]?.delivery,
      )
      .toBe('sent');
    expect(fake.sent().at(-1)).toMatchObject({ chatId: '7001', payload: { text: 'Проверим и вернёмся' } });
  });
});
