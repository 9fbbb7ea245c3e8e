import { describe, expect, it } from 'vitest';
import { validateDefinitionBody } from '../validate-body.js';

const title = { ru: 'Канал' };
const valid = (settings: object) => validateDefinitionBody('channel', { schemaVersion: 1, title, settings });

describe('channel definitions', () => {
  it('take each channel type with its settings', () => {
    expect(
      valid({ type: 'widget', allowedOrigins: ['https://shop.example.ru', 'http://localhost:8080'] }),
    ).toEqual([]);
    expect(
      valid({ type: 'telegram', tokenSecret: 'tg_token', webhookSecret: 'tg_hook', mode: 'webhook' }),
    ).toEqual([]);
    expect(
      valid({
        type: 'email',
        address: 'help@example.ru',
        smtp: {
          host: 'smtp.example.ru',
          port: 587,
          secure: false,
          user: 'help',
          passwordSecret: 'smtp_password',
        },
      }),
    ).toEqual([]);
    expect(
      valid({ type: 'webhook', secret: 'vk_hook', outboundUrl: 'https://gateway.example.ru/opora' }),
    ).toEqual([]);
  });

  it('take an IMAP mailbox to poll, polled at most every 15 seconds, with no control characters in its names', () => {
    const email = (imap: object) =>
      valid({
        type: 'email',
        address: 'help@example.ru',
        smtp: { host: 'smtp.example.ru', port: 587, secure: false },
        imap,
      });
    const imap = {
      host: 'imap.example.ru',
      port: 993,
      secure: true,
      user: 'help',
      passwordSecret: 'imap_password',
    };
    expect(email(imap)).toEqual([]);
    expect(email({ ...imap, mailbox: 'Входящие/Поддержка', pollSeconds: 15 })).toEqual([]);
    expect(email({ ...imap, pollSeconds: 5 })).not.toEqual([]);
    expect(email({ ...imap, mailbox: 'INBOX\r\nA1 DELETE INBOX' })).not.toEqual([]);
    expect(email({ ...imap, password: 'plain' })).not.toEqual([]);
    const { passwordSecret: _, ...withoutPassword } = imap;
    expect(email(withoutPassword)).not.toEqual([]);
  });

  it('name secrets instead of holding them', () => {
    expect(
      valid({ type: 'telegram', token: '123:abc', webhookSecret: 'tg_hook', mode: 'webhook' }),
    ).not.toEqual([]);
    expect(
      valid({ type: 'telegram', tokenSecret: '123:abc', webhookSecret: 'tg_hook', mode: 'webhook' }),
    ).not.toEqual([]);
  });

  it('refuse a widget origin with a path and an unknown channel type', () => {
    expect(valid({ type: 'widget', allowedOrigins: ['https://shop.example.ru/page'] })).not.toEqual([]);
    expect(valid({ type: 'vk', secret: 'x' })).not.toEqual([]);
  });
});
