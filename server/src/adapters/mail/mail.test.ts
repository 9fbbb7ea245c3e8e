import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { GiveUp } from '../job-queue/job-errors.js';
import { createMailer } from './index.js';

/** Just enough of an SMTP server to take one message (no TLS offered, AUTH PLAIN accepted). */
async function fakeSmtp(options: { refuseRecipients?: boolean } = {}) {
  const received: { from: string; to: string[]; data: string; auth: string | null }[] = [];
  const server = createServer((socket: Socket) => {
    let from = '';
    let to: string[] = [];
    let auth: string | null = null;
    let data: string | null = null;
    let buffer = '';
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          received.push({ from, to, data: data + buffer.slice(0, end), auth });
          buffer = buffer.slice(end + 5);
          data = null;
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'EHLO') socket.write('250-fake\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n');
        else if (verb === 'AUTH') {
          auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8');
          socket.write('235 ok\r\n');
        } else if (verb === 'MAIL') {
          from = line;
          to = [];
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          to.push(line);
          socket.write(options.refuseRecipients ? '550 no such mailbox\r\n' : '250 ok\r\n');
        } else if (verb === 'DATA') {
          data = '';
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return { port, received, close: () => new Promise((done) => server.close(done)) };
}

describe('mail', () => {
  it('sends through the SMTP server of SMTP_URL, signing in and using its sender', async () => {
    const smtp = await fakeSmtp();
    try {
      const mailer = createMailer(
        `smtp://robot%40example.ru:p%40ss@127.0.0.1:${smtp.port}?from=support@example.ru`,
        { warn: () => undefined },
      );
      await mailer.send({ to: 'olga@example.ru', subject: 'Восстановление пароля', text: 'Ссылка: x' });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail!.auth).toBe('\0robot@example.ru\0p@ss');
      expect(mail!.from).toContain('support@example.ru');
      expect(mail!.to.join()).toContain('olga@example.ru');
      expect(mail!.data).toContain('Subject:');
    } finally {
      await smtp.close();
    }
  });

  it('writes the mail to the log, marked as not sent, when there is no SMTP_URL', async () => {
    const lines: string[] = [];
    const mailer = createMailer(undefined, { warn: (_obj, msg) => lines.push(msg) });
    await mailer.send({ to: 'olga@example.ru', subject: 'Тема', text: 'http://x/account/reset?token=abc' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('MAIL NOT SENT (SMTP_URL is not set)');
    expect(lines[0]).toContain('http://x/account/reset?token=abc');
  });

  it('gives up on a permanent refusal rather than retrying it', async () => {
    const smtp = await fakeSmtp({ refuseRecipients: true });
    try {
      const mailer = createMailer(`smtp://127.0.0.1:${smtp.port}`, { warn: () => undefined });
      await expect(mailer.send({ to: 'gone@example.ru', subject: 's', text: 't' })).rejects.toBeInstanceOf(
        GiveUp,
      );
    } finally {
      await smtp.close();
    }
  });

  it('refuses when the server is unreachable, so the sending job retries', async () => {
    const smtp = await fakeSmtp();
    await smtp.close();
    const mailer = createMailer(`smtp://127.0.0.1:${smtp.port}`, { warn: () => undefined });
    const refused = mailer.send({ to: 'a@example.ru', subject: 's', text: 't' });
    await expect(refused).rejects.toThrow();
    await expect(refused).rejects.not.toBeInstanceOf(GiveUp);
  });
});
