import { validateDefinitionBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import {
  channelTypeOf,
  type channelTypes,
  optional,
  patched,
  readSettings,
  starterImap,
  starterSettings,
  switchType,
} from './channel-draft';

const body = (settings: unknown) => ({ schemaVersion: 1, title: { ru: 'Канал' }, settings });

describe('channel draft', () => {
  it('reads a half-typed draft without throwing, and an unknown type as the widget', () => {
    expect(readSettings(undefined)).toEqual({ type: 'widget', allowedOrigins: [], greeting: undefined });
    expect(readSettings({ type: 'vk', allowedOrigins: ['https://a.ru', 7] })).toMatchObject({
      type: 'widget',
      allowedOrigins: ['https://a.ru'],
    });
    expect(readSettings({ type: 'telegram', tokenSecret: 5, mode: 'carrier-pigeon' })).toEqual({
      type: 'telegram',
      tokenSecret: '',
      webhookSecret: '',
      mode: 'webhook',
      apiRoot: undefined,
    });
    const email = readSettings({ type: 'email', smtp: { host: 'smtp.example.ru', secure: 'yes' } });
    expect(email).toMatchObject({
      type: 'email',
      address: '',
      smtp: { host: 'smtp.example.ru', secure: false },
    });
    expect(email.type === 'email' && Number.isNaN(email.smtp.port)).toBe(true);
    expect(channelTypeOf({ type: 'webhook' })).toBe('webhook');
  });

  it('starts each type with settings the schema only refuses for what the admin must still choose', () => {
    expect(validateDefinitionBody('channel', body(starterSettings('widget')))).toEqual([]);
    const pointers = (type: (typeof channelTypes)[number]) =>
      validateDefinitionBody('channel', body(starterSettings(type))).map((p) => p.pointer);
    expect(pointers('telegram').sort()).toEqual(['/settings/tokenSecret', '/settings/webhookSecret']);
    expect(pointers('email').sort()).toEqual(['/settings/address', '/settings/smtp/host']);
    expect(pointers('webhook').sort()).toEqual(['/settings/outboundUrl', '/settings/secret']);
  });

  it('keeps what was typed for a type when the admin tries another and comes back', () => {
    const telegram = {
      type: 'telegram',
      tokenSecret: 'bot_token',
      webhookSecret: 'bot_hook',
      mode: 'polling',
    };
    const toEmail = switchType(telegram, 'email', {});
    expect(toEmail.settings).toEqual(starterSettings('email'));
    const back = switchType(toEmail.settings, 'telegram', toEmail.remembered);
    expect(back.settings).toEqual(telegram);
    expect(switchType(telegram, 'telegram', {}).settings).toBe(telegram);
  });

  it('patches settings, dropping optional ones set to undefined', () => {
    const smtp = { host: 'smtp.example.ru', port: 587, secure: false, user: 'help' };
    expect(patched(smtp, { user: undefined, port: 465 })).toEqual({
      host: 'smtp.example.ru',
      port: 465,
      secure: false,
    });
    expect(patched('not an object', { a: 1 })).toEqual({ a: 1 });
    expect(optional('  ')).toBeUndefined();
    expect(optional('Поддержка')).toBe('Поддержка');
  });

  it('reads an IMAP mailbox tolerantly, and offers one the schema refuses only for what the admin must type', () => {
    const email = readSettings({ type: 'email', smtp: {}, imap: { host: 'imap.example.ru', port: '993' } });
    expect(email).toMatchObject({
      imap: { host: 'imap.example.ru', secure: false, user: '', passwordSecret: '' },
    });
    expect(email.type === 'email' && Number.isNaN(email.imap!.port)).toBe(true);
    expect(readSettings({ type: 'email', smtp: {} })).not.toHaveProperty('imap');
    const withImap = patched(starterSettings('email'), {
      address: 'help@example.ru',
      smtp: { host: 'smtp.example.ru', port: 587, secure: false },
      imap: starterImap(),
    });
    const pointers = new Set(validateDefinitionBody('channel', body(withImap)).map((p) => p.pointer));
    expect([...pointers].sort()).toEqual([
      '/settings/imap/host',
      '/settings/imap/passwordSecret',
      '/settings/imap/user',
    ]);
    const filled = patched(withImap, {
      imap: { ...starterImap(), host: 'imap.example.ru', user: 'help', passwordSecret: 'imap_password' },
    });
    expect(validateDefinitionBody('channel', body(filled))).toEqual([]);
  });

  it('writes a full widget channel the schema accepts', () => {
    const settings = patched(starterSettings('widget'), {
      allowedOrigins: ['https://shop.example.ru'],
      greeting: { ru: 'Здравствуйте!', en: 'Hello!' },
    });
    expect(validateDefinitionBody('channel', body(settings))).toEqual([]);
  });
});
