import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeImap } from '../../testing/fake-imap.js';
import { pollMailbox } from './imap-round.js';
import type { MailboxCursor } from './imap-settings.js';

/** One poll of a mailbox against a local IMAP server, with the cursor and the taking kept in memory. */
describe('an IMAP poll round', () => {
  const fake = new FakeImap('help', 'secret-1');
  let cursor: MailboxCursor | null = null;
  const taken: string[] = [];
  const ports = {
    cursor: async () => cursor,
    saveCursor: async (next: MailboxCursor) => {
      cursor = next;
    },
    take: async (raw: Buffer) => {
      taken.push(raw.toString().split('\r\n').at(-2)!);
      return true as const;
    },
    skipped: () => undefined,
  };
  const poll = () =>
    pollMailbox(
      {
        host: '127.0.0.1',
        port: fake.port,
        secure: false,
        user: 'help',
        password: 'secret-1',
        mailbox: 'INBOX',
      },
      ports,
      new AbortController().signal,
    );
  const mail = (text: string) => `From: a@client.example\r\nSubject: s\r\n\r\n${text}\r\n`;

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('starts after the mail read before, even on a server that does not tell UIDNEXT', async () => {
    fake.tellsUidNext = false;
    for (const text of ['прочитано 1', 'прочитано 2'])
      fake.message(fake.deliver(mail(text)))!.flags.add('\\Seen');
    await poll();
    expect(taken).toEqual([]);
    expect(cursor).toMatchObject({ lastUid: 2 });
    fake.deliver(mail('новое 1'));
    await poll();
    expect(taken).toEqual(['новое 1']);
    expect(cursor).toMatchObject({ lastUid: 3 });
    expect(fake.unknown).toEqual([]);
  });

  it('refuses to start on a closed signal and fails on a folder that does not exist', async () => {
    const stopped = new AbortController();
    stopped.abort();
    const settings = {
      host: '127.0.0.1',
      port: fake.port,
      secure: false,
      user: 'help',
      password: 'secret-1',
    };
    await expect(pollMailbox({ ...settings, mailbox: 'INBOX' }, ports, stopped.signal)).rejects.toThrow();
    await expect(
      pollMailbox({ ...settings, mailbox: 'Нет такой' }, ports, new AbortController().signal),
    ).rejects.toThrow();
  });
});
