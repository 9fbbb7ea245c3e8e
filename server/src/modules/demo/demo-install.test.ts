import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPgArray } from '../../db/pg-array.js';
import { createHarness, type Harness, login } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { importDemoTemplate } from '../bundles/demo-template.js';
import { demoMessageId } from './demo-dialogs.js';
import { demoDialogs } from './demo-dialogs-data.js';
import { type DemoInstall, installDemoContent, isDemoInstallation } from './demo-install.js';
import { demoStaff } from './demo-staff.js';

// A Wednesday at 13:00 in Moscow: every line of the template is open, so no out-of-hours reply joins the dialogs.
const workingHours = { now: () => Date.parse('2026-12-02T10:00:00Z') };
const password = 'demo-password-1';

type Row = Record<string, unknown>;

describe.each(databaseTargets)('demo contact centre on $name', (target) => {
  let h: Harness;
  let first: DemoInstall;
  let second: DemoInstall;
  const rows = (sql: string, params: unknown[] = []) => h.db.query<Row>(sql, params);
  const dialogRow = async (key: string) => {
    const [row] = await rows(
      `select c.* from conversation c join message m on m.conversation_id = c.id
        join channel_inbound i on i.message_id = m.id where i.channel_key = 'site-chat' and i.external_id = ?`,
      [demoMessageId(demoDialogs.find((d) => d.key === key)!, 1)],
    );
    return row!;
  };
  const loginOf = async (userId: unknown) =>
    (await rows('select login from app_user where id = ?', [userId]))[0]?.login;

  beforeAll(async () => {
    h = await createHarness(target, { clock: workingHours });
    expect(await isDemoInstallation(h.app, 'support-desk', false)).toBe(false);
    const imported = await importDemoTemplate(h.db, h.app.bundles, 'support-desk');
    expect(imported).not.toBeNull();
    expect(await isDemoInstallation(h.app, 'support-desk', true)).toBe(true);
    first = await installDemoContent(h.app, password);
    second = await installDemoContent(h.app, password);
  });
  afterAll(() => h.close());

  it('installs the team and every dialog once; a second run adds nothing', async () => {
    expect(first).toEqual({ staffCreated: demoStaff.length, dialogsCreated: demoDialogs.length });
    expect(second).toEqual({ staffCreated: 0, dialogsCreated: 0 });
    const [counts] = await rows(
      `select (select count(*) from conversation where channel_key = 'site-chat') as dialogs,
              (select count(*) from message m join conversation c on c.id = m.conversation_id
                where c.channel_key = 'site-chat') as messages,
              (select count(*) from contact where channel_key = 'site-chat') as contacts`,
    );
    expect(Number(counts!.dialogs)).toBe(demoDialogs.length);
    expect(Number(counts!.contacts)).toBe(demoDialogs.length);
    const scripted = demoDialogs.flatMap((d) => d.steps).filter((s) => !('take' in s) && !('close' in s));
    // Every scripted message, plus what the system says: rating questions and thanks, the escalation notice.
    expect(Number(counts!.messages)).toBeGreaterThan(scripted.length);
  });

  it('marks the installation as a demo from then on, and only for the support-desk template', async () => {
    expect(await isDemoInstallation(h.app, 'support-desk', false)).toBe(true);
    expect(await isDemoInstallation(h.app, 'other-template', true)).toBe(false);
  });

  it('routes each dialog to the line its script names', async () => {
    for (const dialog of demoDialogs)
      expect([dialog.key, (await dialogRow(dialog.key)).line_key]).toEqual([dialog.key, dialog.line]);
  });

  it('leaves dialogs waiting in the queues of «Бухгалтерия» and «Доставка и возврат»; «Общие вопросы» meets its bot', async () => {
    const waiting = await rows(
      `select line_key, count(*) as n from conversation
        where status = 'open' and handler = 'queue' and queued_at is not null group by line_key order by line_key`,
    );
    expect(waiting.map((r) => [r.line_key, Number(r.n)])).toEqual([
      ['accounting', 3],
      ['delivery', 2],
    ]);
    // The line's bot greets the waiting visitor, searches the knowledge base and hands over once the server runs.
    const sms = await dialogRow('waiting-sms');
    expect(sms).toMatchObject({ line_key: 'first-line', handler: 'bot', status: 'open' });
    const turns = await rows(
      `select id from job where name = 'bot.turn' and payload->>'conversationId' = ?`,
      [sms.id],
    );
    expect(turns).toHaveLength(1);
  });

  it('gives the demo operators dialogs in progress, answered back and forth', async () => {
    const held = await rows(
      `select u.login, count(*) as n from conversation c join app_user u on u.id = c.operator_id
        where c.status = 'open' and c.handler = 'operator' group by u.login order by u.login`,
    );
    expect(held.map((r) => [r.login, Number(r.n)])).toEqual([
      ['ivan', 2],
      ['marina', 1],
      ['olga', 1],
    ]);
    const delay = await dialogRow('open-delay');
    const authors = await rows('select author_kind from message where conversation_id = ? order by seq', [
      delay.id,
    ]);
    expect(authors.map((r) => r.author_kind)).toEqual(['client', 'operator', 'client', 'operator', 'client']);
    const [note] = await rows('select internal from message where conversation_id = ? and internal', [
      (await dialogRow('open-login')).id,
    ]);
    expect(note?.internal).toBe(true);
  });

  it('closes dialogs with the clients’ ratings per operator and line, one of 2 with a comment', async () => {
    const ratings = await rows(
      `select s.score, s.comment, s.line_key, u.login from csat s join app_user u on u.id = s.operator_id
        order by s.score desc, u.login`,
    );
    expect(ratings.map((r) => [r.score, r.login, r.line_key])).toEqual([
      [5, 'ivan', 'first-line'],
      [5, 'olga', 'delivery'],
      [4, 'marina', 'accounting'],
      [2, 'olga', 'delivery'],
    ]);
    expect(ratings.filter((r) => r.comment).map((r) => r.score)).toEqual([2]);
    const [closed] = await rows(`select count(*) as n from conversation where status = 'closed'`);
    expect(Number(closed!.n)).toBe(4);
  });

  it('escalates one dialog to a request that carries its transcript and is linked both ways', async () => {
    const dialog = await dialogRow('escalated-report');
    expect(dialog.request_record_id).toBeTruthy();
    const [request] = await rows('select entity, data from record where id = ?', [dialog.request_record_id]);
    expect(request!.entity).toBe('request');
    const data = request!.data as Record<string, unknown>;
    expect(data.subject).toBe('Ошибка 500 при выгрузке квартального отчёта в Excel');
    expect(String(data.description)).toContain('Кэш чистил');
    expect(data.client).toBe(dialog.client_record_id);
    expect(await loginOf(dialog.operator_id)).toBe('ivan');
  });

  it('puts a client who writes with a template client’s e-mail on that client’s card', async () => {
    const dialog = await dialogRow('waiting-invoice');
    const [client] = await rows('select data from record where id = ?', [dialog.client_record_id]);
    expect((client!.data as Record<string, unknown>).email).toBe('m.ivanova@romashka.example');
  });

  it('lets the demo team sign in with the demo password and serve their groups', async () => {
    for (const person of demoStaff) {
      // The fixed clock makes the session look old to the cookie check: signing in is what is tested here.
      await expect(login(h.app, person.login, password)).resolves.toHaveProperty('cookie');
      const [profile] = await rows(
        'select p.groups, p.capacity from operator_profile p join app_user u on u.id = p.user_id where u.login = ?',
        [person.login],
      );
      expect(fromPgArray(profile!.groups)).toEqual(person.groups);
      expect(Number(profile!.capacity)).toBe(person.capacity);
    }
    await expect(login(h.app, 'olga', 'wrong-password')).rejects.toThrow(/401/);
  });
});

// A Sunday at 03:00 in Moscow: every line but «Общие вопросы» is closed.
const night = { now: () => Date.parse('2026-12-06T00:00:00Z') };

describe.each(databaseTargets)('demo contact centre installed at night on $name', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target, { clock: night });
  });
  afterAll(() => h.close());

  it('still plays every dialog; the closed lines answer their waiting clients when work resumes', async () => {
    await importDemoTemplate(h.db, h.app.bundles, 'support-desk');
    const installed = await installDemoContent(h.app, password);
    expect(installed.dialogsCreated).toBe(demoDialogs.length);
    const replies = await h.db.query<{ line_key: string; n: string | number }>(
      `select c.line_key, count(*) as n from conversation c join message m on m.conversation_id = c.id
        where m.author_kind = 'system' and c.status = 'open' and c.handler = 'queue'
        group by c.line_key order by c.line_key`,
    );
    expect(replies.map((r) => [r.line_key, Number(r.n)])).toEqual([
      ['accounting', 3],
      ['delivery', 2],
    ]);
  });
});
