import { describe, expect, it } from 'vitest';
import { Mailer, type MailMessage } from '../../adapters/mail/index.js';
import { PortalMailAdapter } from './portal-mail-adapter.js';

const outbound = (email: string | undefined, thread: string[] = []) => ({
  to: { externalId: 'request:1', ...(email ? { email } : {}) },
  message: { text: 'Проверьте папку «Спам»', parts: [], attachments: [] },
  files: [],
  thread,
  subject: '№7 Не приходит письмо',
  idempotencyKey: 'c0ffee00-0000-4000-8000-000000000001',
});

describe('a request thread’s answers by e-mail', () => {
  const sent: MailMessage[] = [];
  const adapter = new PortalMailAdapter(new Mailer({ send: async (m) => void sent.push(m) }));
  const settings = { replyTo: 'help@example.ru', domain: 'support.example.ru' };

  it('mails the answer with its own Message-ID, the mailbox as Reply-To and only real Message-IDs as thread', async () => {
    const result = await adapter.send(
      settings,
      outbound('anna@example.ru', ['thread-1:abc', '<q1@example.ru>']),
    );
    expect(result.externalMessageId).toBe('<c0ffee00-0000-4000-8000-000000000001.thread@support.example.ru>');
    expect(sent.at(-1)).toMatchObject({
      to: 'anna@example.ru',
      subject: 'Re: №7 Не приходит письмо',
      messageId: result.externalMessageId,
      replyTo: 'help@example.ru',
      inReplyTo: '<q1@example.ru>',
      references: ['<q1@example.ru>'],
    });
    expect(sent.at(-1)!.text).toContain('Reply above this line');
  });

  it('says to answer in the account when no mailbox takes replies, and mails nobody without an address', async () => {
    await adapter.send({ ...settings, replyTo: null }, outbound('anna@example.ru'));
    expect(sent.at(-1)).not.toHaveProperty('replyTo');
    expect(sent.at(-1)!.text).toContain('Ответить можно в личном кабинете');
    const count = sent.length;
    const result = await adapter.send(settings, outbound(undefined));
    expect(sent.length).toBe(count);
    expect(result.externalMessageId).toMatch(/^<.+@support\.example\.ru>$/);
  });
});
