import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailLimits } from '../../channels/email/email-settings.js';
import { sessionLocks } from '../../db/session-locks.js';
import { publishDefinition } from '../../testing/definitions.js';
import { FakeImap } from '../../testing/fake-imap.js';
import { createSupportDesk, knownClientEmail, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { ImapPollers } from './imap-pollers.js';

/** An existing support mailbox polled over IMAP (a fake IMAP server on 127.0.0.1): its new mail becomes messages. */
describe.each(databaseTargets)('IMAP polling of an e-mail channel’s mailbox on $name', (target) => {
  let h: Harness;
  let pollers: ImapPollers;
  let channelId = '';
  const fake = new FakeImap('help@shop.example', 'mailbox-password');
  const warnings: { message: string; reason?: string; err?: unknown }[] = [];
  const mail = (id: string, text: string, headers = '') =>
    `From: Клиент <${knownClientEmail}>\r\nTo: help@shop.example\r\nSubject: Вопрос\r\nMessage-ID: <${id}@client>\r\n${headers}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${text}\r\n`;
  const stored = (text: string) =>
    h.db.query<{ conversation_id: string; channel_key: string; client_record_id: string | null }>(
      `select m.conversation_id, c.channel_key, c.client_record_id from message m
         join conversation c on c.id = m.conversation_id where m.text = ?`,
      [text],
    );
  const newPollers = () =>
    new ImapPollers({
      db: h.db,
      conversations: h.app.conversations,
      secrets: h.app.secrets,
      locks: sessionLocks(h.db),
      log: { warn: (details, message) => warnings.push({ ...details, message }) },
      refreshMs: 100,
      pollMs: 50,
      backoffMs: 50,
    });
  const imap = () => ({
    host: '127.0.0.1',
    port: fake.port,
    secure: false,
    user: 'help@shop.example',
    passwordSecret: 'support_imap_password',
    pollSeconds: 15,
  });
  const channelBody = (settings: object) => ({
    schemaVersion: 1,
    title: { ru: 'Почта поддержки' },
    settings: {
      type: 'email',
      address: 'help@shop.example',
      smtp: { host: '127.0.0.1', port: 2525, secure: false },
      ...settings,
    },
  });
  /** Publishes a new version of the channel (as an administrator would in the designer). */
  const republish = async (body: object) => {
    const headers = await h.as('admin');
    const current = await h.app.inject({ method: 'GET', url: `/api/v1/definitions/${channelId}`, headers });
    const saved = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/definitions/${channelId}`,
      headers,
      payload: { name: 'Почта поддержки', body, draftVersion: current.json().draftVersion },
    });
    expect(saved.statusCode).toBe(200);
    const published = await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${channelId}/publish`,
      headers,
      payload: { draftVersion: saved.json().draftVersion },
    });
    expect(published.statusCode).toBe(201);
  };

  beforeAll(async () => {
    await fake.start();
    h = await createHarness(target, { secretsKey: 'imap-polling-test-key-000001' });
    await createSupportDesk(h);
    await publishPortal(h);
    await h.app.secrets.put('support_imap_password', 'mailbox-password', undefined, null);
    // Mail that was in the mailbox and read before Opora polled it is not imported.
    const old = fake.deliver(mail('old', 'Старое прочитанное письмо'));
    fake.message(old)!.flags.add('\\Seen');
    channelId = (
      await publishDefinition(h, {
        kind: 'channel',
        key: 'support-imap',
        name: 'Почта поддержки',
        body: channelBody({ imap: imap() }),
      })
    ).created.id;
    pollers = newPollers();
    await pollers.start();
  });
  afterAll(async () => {
    await pollers.close();
    await h.close();
    await fake.stop();
  });

  it('turns new mail into a message of the sender’s client and flags it \\Seen', async () => {
    const uid = fake.deliver(mail('q1', 'Где мой заказ?'));
    await expect.poll(() => stored('Где мой заказ?'), { timeout: 10_000 }).toHaveLength(1);
    const [known] = await h.db.query<{ id: string }>('select id from record where data @> ?::jsonb', [
      JSON.stringify({ email: knownClientEmail }),
    ]);
    const [row] = await stored('Где мой заказ?');
    expect(row).toMatchObject({ channel_key: 'support-imap', client_record_id: known!.id });
    await expect.poll(() => fake.message(uid)!.flags.has('\\Seen')).toBe(true);
    expect(await stored('Старое прочитанное письмо')).toEqual([]);
    expect(pollers.holding).toEqual(['support-imap']);
    expect(fake.unknown).toEqual([]);
  });

  it('threads a reply (In-Reply-To) into its conversation, reopening it', async () => {
    const [first] = await stored('Где мой заказ?');
    await h.db.query("update conversation set status = 'closed', closed_at = now() where id = ?", [
      first!.conversation_id,
    ]);
    fake.deliver(mail('q2', 'Спасибо, нашёл', 'In-Reply-To: <q1@client>\r\nReferences: <q1@client>\r\n'));
    await expect.poll(() => stored('Спасибо, нашёл'), { timeout: 10_000 }).toHaveLength(1);
    const [reply] = await stored('Спасибо, нашёл');
    expect(reply!.conversation_id).toBe(first!.conversation_id);
  });

  it('takes each message once: a restarted poller fetches nothing again, a renumbered mailbox stores nothing twice', async () => {
    const served = fake.bodiesServed.length;
    await pollers.close();
    pollers = newPollers();
    await pollers.start();
    fake.deliver(mail('q3', 'После перезапуска'));
    await expect.poll(() => stored('После перезапуска'), { timeout: 10_000 }).toHaveLength(1);
    expect(fake.bodiesServed.length).toBe(served + 1);
    // A restored mailbox: new UIDVALIDITY and UIDs, and the mail unread again: all of it is fetched once more.
    // (Once the last one is flagged: the poller flags a message just after storing it.)
    await expect.poll(() => fake.message(4)!.flags.has('\\Seen')).toBe(true);
    for (const uid of [2, 3, 4]) fake.message(uid)!.flags.delete('\\Seen');
    fake.renumber();
    fake.deliver(mail('q4', 'После восстановления'));
    await expect.poll(() => fake.bodiesServed.length, { timeout: 10_000 }).toBe(served + 5);
    await expect.poll(() => stored('После восстановления'), { timeout: 10_000 }).toHaveLength(1);
    for (const text of ['Где мой заказ?', 'Спасибо, нашёл', 'После перезапуска'])
      expect(await stored(text)).toHaveLength(1);
    expect(await stored('Старое прочитанное письмо')).toEqual([]);
  });

  it('passes over a message too large or unreadable (logged, left unseen, never fetched again) and keeps polling', async () => {
    const padding = 'x'.repeat(998);
    const lines = Math.ceil(mailLimits.messageBytes / 1000) + 1;
    const huge = fake.deliver(mail('huge', `${padding}\r\n`.repeat(lines)));
    // A server announcing less than it holds: no more than the limit is downloaded, and the message is refused.
    const liar = fake.deliver(mail('liar', `${padding}\r\n`.repeat(lines)));
    fake.announcedSizes.set(liar, 1000);
    const broken = fake.deliver('Subject: без отправителя\r\n\r\nНикто не подписался\r\n');
    fake.deliver(mail('q5', 'Письмо после пропущенных'));
    await expect.poll(() => stored('Письмо после пропущенных'), { timeout: 20_000 }).toHaveLength(1);
    expect(warnings.filter((w) => w.message === 'IMAP message skipped').map((w) => w.reason)).toEqual([
      expect.stringContaining('message too large'),
      'message too large',
      'no sender address',
    ]);
    expect(fake.bodiesServed).not.toContain(huge);
    expect(fake.message(liar)!.flags.has('\\Seen')).toBe(false);
    expect(fake.message(huge)!.flags.has('\\Seen')).toBe(false);
    expect(fake.message(broken)!.flags.has('\\Seen')).toBe(false);
    fake.deliver(mail('q6', 'И ещё одно'));
    await expect.poll(() => stored('И ещё одно'), { timeout: 10_000 }).toHaveLength(1);
    expect(fake.bodiesServed.filter((uid) => uid === broken)).toHaveLength(1);
    expect(warnings.filter((w) => w.message === 'IMAP message skipped')).toHaveLength(3);
  });

  it('logs a refused login and keeps retrying; the corrected password is used at the next round', async () => {
    await h.app.secrets.put('support_imap_password', 'wrong-password', undefined, null);
    fake.deliver(mail('q7', 'Письмо при неверном пароле'));
    const failures = () => warnings.filter((w) => w.message === 'IMAP polling failed; backing off').length;
    await expect.poll(failures, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await stored('Письмо при неверном пароле')).toEqual([]);
    expect(warnings.at(-1)!.err).toMatchObject({ authenticationFailed: true });
    expect(JSON.stringify(warnings)).not.toContain('wrong-password');
    await h.app.secrets.put('support_imap_password', 'mailbox-password', undefined, null);
    await expect.poll(() => stored('Письмо при неверном пароле'), { timeout: 10_000 }).toHaveLength(1);
  });

  it('lets one poller at a time poll a mailbox; another takes over when it stops', async () => {
    const second = newPollers();
    try {
      await second.start();
      expect(second.polling).toEqual(['support-imap']);
      fake.deliver(mail('q8', 'Одно письмо, два сервера'));
      await expect.poll(() => stored('Одно письмо, два сервера'), { timeout: 10_000 }).toHaveLength(1);
      expect(second.holding).toEqual([]);
      await pollers.close();
      await expect.poll(() => second.holding, { timeout: 10_000 }).toEqual(['support-imap']);
      fake.deliver(mail('q9', 'Второй сервер на посту'));
      await expect.poll(() => stored('Второй сервер на посту'), { timeout: 10_000 }).toHaveLength(1);
    } finally {
      pollers = second;
    }
  });

  it('restarts a republished channel’s poller on its new folder and stops an archived one’s', async () => {
    fake.addFolder('Support');
    await republish(channelBody({ imap: { ...imap(), mailbox: 'Support' } }));
    fake.deliver(mail('q10', 'Письмо в папке поддержки'), 'Support');
    await expect.poll(() => stored('Письмо в папке поддержки'), { timeout: 10_000 }).toHaveLength(1);
    await republish(channelBody({}));
    await expect.poll(() => pollers.polling, { timeout: 10_000 }).toEqual([]);
    await republish(channelBody({ imap: imap() }));
    await expect.poll(() => pollers.holding, { timeout: 10_000 }).toEqual(['support-imap']);
    const archived = await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${channelId}/archive`,
      headers: await h.as('admin'),
    });
    expect(archived.statusCode).toBeLessThan(300);
    await expect.poll(() => pollers.polling, { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => fake.connections, { timeout: 10_000 }).toBe(0);
  });

  it('closes the connection of a round in flight when the server shuts down', async () => {
    fake.stallOn = 'SELECT';
    try {
      const stalled = () => fake.commands.filter((line) => line.endsWith('SELECT INBOX')).length;
      const before = stalled();
      await republish(channelBody({ imap: imap() }));
      // Archived channels are not polled: a new definition under another key.
      await publishDefinition(h, {
        kind: 'channel',
        key: 'support-imap-2',
        name: 'Почта поддержки 2',
        body: channelBody({ imap: imap() }),
      });
      await expect.poll(stalled, { timeout: 10_000 }).toBeGreaterThan(before);
      expect(fake.connections).toBeGreaterThan(0);
      await pollers.close();
      await expect.poll(() => fake.connections, { timeout: 10_000 }).toBe(0);
    } finally {
      fake.stallOn = undefined;
    }
    expect(fake.unknown).toEqual([]);
  });
});
