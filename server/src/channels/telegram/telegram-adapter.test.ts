import type { OutboundMessage } from '@opora/runtime/conversations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GiveUp, RetryLater } from '../../adapters/job-queue/index.js';
import { FakeTelegram } from '../../testing/fake-telegram.js';
import { SendPacing } from './send-pacing.js';
import { TelegramAdapter } from './telegram-adapter.js';

const chat = { id: 4242, type: 'private', first_name: 'Мария', last_name: 'Иванова' };
const outbound = (text: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  to: { externalId: String(chat.id) },
  message: { text, parts: [], attachments: [] },
  files: [],
  thread: [],
  idempotencyKey: 'k',
  ...extra,
});

describe('the Telegram channel against a fake Bot API', () => {
  const telegram = new FakeTelegram();
  let adapter: TelegramAdapter;
  let settings: { token: string; webhookSecret: string; apiRoot: string };

  beforeAll(async () => {
    await telegram.start();
    settings = { token: '123:abc', webhookSecret: 's', apiRoot: telegram.apiRoot };
    adapter = new TelegramAdapter(new SendPacing(() => performance.now(), 0));
  });
  afterAll(() => telegram.stop());

  it('reads a private text message with who wrote it', async () => {
    const parsed = await adapter.parseInbound(settings, {
      update_id: 10,
      message: { message_id: 1, date: 1_700_000_000, chat, from: chat, text: 'Здравствуйте' },
    });
    expect(parsed).toEqual({
      ok: true,
      messages: [
        {
          from: { externalId: '4242', displayName: 'Мария Иванова' },
          externalMessageId: 'update:10',
          message: { text: 'Здравствуйте', parts: [], attachments: [] },
          sentAt: 1_700_000_000_000,
          files: [],
        },
      ],
    });
  });

  it('downloads the largest size of a photo with its caption', async () => {
    telegram.files.set('big', new Uint8Array([1, 2, 3, 4]));
    const parsed = await adapter.parseInbound(settings, {
      update_id: 11,
      message: {
        message_id: 2,
        chat,
        caption: 'Вот ошибка',
        photo: [
          { file_id: 'small', file_size: 1 },
          { file_id: 'big', file_size: 4 },
        ],
      },
    });
    expect(parsed.ok && parsed.messages[0]).toMatchObject({
      message: { text: 'Вот ошибка' },
      files: [{ name: 'photo.jpg', contentType: 'image/jpeg', bytes: new Uint8Array([1, 2, 3, 4]) }],
    });
  });

  it('reads a pressed button by its position and label', async () => {
    const parsed = await adapter.parseInbound(settings, {
      update_id: 12,
      callback_query: {
        id: 'q',
        from: chat,
        data: '#1',
        message: {
          message_id: 3,
          chat,
          reply_markup: {
            inline_keyboard: [[{ text: 'Да', callback_data: '#0' }], [{ text: 'Нет', callback_data: '#1' }]],
          },
        },
      },
    });
    expect(parsed.ok && parsed.messages[0]).toMatchObject({
      message: { text: 'Нет' },
      pressed: { index: 1, label: 'Нет' },
    });
  });

  it('ignores groups and service updates, refuses what is not an update', async () => {
    const group = { id: -1, type: 'group' };
    expect(
      await adapter.parseInbound(settings, { update_id: 13, message: { chat: group, text: 'всем привет' } }),
    ).toMatchObject({ ok: true, messages: [] });
    expect(await adapter.parseInbound(settings, { update_id: 14, edited_message: {} })).toMatchObject({
      ok: true,
      messages: [],
    });
    expect(await adapter.parseInbound(settings, { message: {} })).toMatchObject({ ok: false });
    expect(await adapter.parseInbound(settings, 'nonsense')).toMatchObject({ ok: false });
  });

  it('sends text with buttons as an inline keyboard and answers Telegram’s message id', async () => {
    const sent = await adapter.send(
      settings,
      outbound('Что случилось?', {
        message: {
          text: 'Что случилось?',
          parts: [{ type: 'buttons', buttons: [{ label: 'Не могу войти', value: 'login' }] }],
          attachments: [],
        },
      }),
    );
    expect(sent.externalMessageId).toMatch(/^4242:\d+$/);
    expect(telegram.sent().at(-1)?.payload).toMatchObject({
      chat_id: '4242',
      text: 'Что случилось?',
      reply_markup: { inline_keyboard: [[{ text: 'Не могу войти', callback_data: '#0' }]] },
    });
  });

  it('uploads files before the text', async () => {
    await adapter.send(
      settings,
      outbound('Инструкция во вложении', {
        files: [
          {
            ref: { fileId: 'f', name: 'guide.pdf', contentType: 'application/pdf', size: 3 },
            bytes: new Uint8Array([1, 2, 3]),
          },
        ],
      }),
    );
    expect(telegram.calls.slice(-2).map((c) => c.method)).toEqual(['sendDocument', 'sendMessage']);
  });

  it('turns Telegram’s 429 into a wait and a blocked bot into giving up', async () => {
    telegram.failNext('sendMessage', 429, 'Too Many Requests: retry after 7', { retry_after: 7 });
    await expect(adapter.send(settings, outbound('a'))).rejects.toSatisfy(
      (e) => e instanceof RetryLater && e.delayMs === 7000,
    );
    telegram.failNext('sendMessage', 403, 'Forbidden: bot was blocked by the user');
    await expect(adapter.send(settings, outbound('b'))).rejects.toBeInstanceOf(GiveUp);
  });

  it('paces sends to one chat a second apart', async () => {
    const paced = new TelegramAdapter(new SendPacing(() => performance.now()));
    const before = telegram.sent().length;
    await Promise.all([paced.send(settings, outbound('1')), paced.send(settings, outbound('2'))]);
    const [first, second] = telegram.sent().slice(before);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });
});
