import type { EntityBody } from '@opora/runtime/definitions';
import type { MailMessage } from '@opora/server/adapters/mail/index';
import { createSupportDesk, publishPortal, signupClient } from '@opora/server/testing/portal-fixture';
import { createHarness, type Harness, testPassword } from '@opora/server/testing/test-app';
import { databaseTargets } from '@opora/server/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Waits until every queued job has run (the worker polls twice a second). */
async function drained(h: Harness): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [row] = await h.db.query<{ n: string | number }>(
      "select count(*) as n from job where status in ('pending', 'running')",
    );
    if (Number(row!.n) === 0) return h.app.jobWorker.idle();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('jobs did not finish');
}

/** Mail goes to a list instead of the log; the worker runs the mail jobs. */
function captureMail(h: Harness): MailMessage[] {
  const sent: MailMessage[] = [];
  h.app.mailer.useTransport({ send: async (m) => void sent.push(m) });
  h.app.jobWorker.start();
  return sent;
}

const tokenIn = (mail: MailMessage | undefined, path: string): string => {
  const link = mail?.text.split('\n').find((line) => line.includes(path));
  if (!link) throw new Error(`no ${path} link in ${mail?.text}`);
  return new URL(link.trim()).searchParams.get('token')!;
};

describe.each(databaseTargets)('password reset by mail on $name', (target) => {
  let h: Harness;
  let sent: MailMessage[];
  let now = Date.now();
  const ask = (login: string) =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { login } });
  const confirm = (token: string, password: string, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      headers,
      payload: { token, password },
    });
  const login = (password: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'operator-user', password },
    });
  const me = (headers: Record<string, string>) =>
    h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

  beforeAll(async () => {
    h = await createHarness(target, { clock: { now: () => now } });
    await h.db.query("update app_user set email = 'Operator@Example.ru' where login = 'operator-user'");
    sent = captureMail(h);
  });
  afterAll(() => h.close());

  it('answers a known and an unknown address alike, and mails only the known one', async () => {
    const known = await ask('operator@example.ru');
    const unknown = await ask('nobody@example.ru');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    await drained(h);
    expect(sent.map((m) => m.to)).toEqual(['Operator@Example.ru']);
    expect(sent[0]!.subject).toBe('Восстановление пароля');
    expect(sent[0]!.text).toContain('/account/reset?token=');
    // Only the hash is stored.
    const rows = await h.db.query<{ token_hash: string }>('select token_hash from account_token');
    expect(rows).toHaveLength(1);
    expect(sent[0]!.text).not.toContain(rows[0]!.token_hash);
  });

  it('finds the account by login too, and a newer link makes the older one useless', async () => {
    const older = tokenIn(sent.at(-1), '/account/reset');
    expect((await ask('operator-user')).statusCode).toBe(202);
    await drained(h);
    const newer = tokenIn(sent.at(-1), '/account/reset');
    expect(newer).not.toBe(older);
    const refused = await confirm(older, 'новый-пароль-123');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ pointer: '/token', code: 'token_invalid' });
    expect((await login(testPassword)).statusCode).toBe(200);
  });

  it('sets the password once, ends every session of the account, and refuses the link a second time', async () => {
    const session = await h.as('operator');
    expect((await me(session)).statusCode).toBe(200);
    const token = tokenIn(sent.at(-1), '/account/reset');
    expect((await confirm(token, 'short')).statusCode).toBe(400);
    expect((await confirm(token, 'новый-пароль-123')).statusCode).toBe(204);
    expect((await me(session)).statusCode).toBe(401);
    expect((await login(testPassword)).statusCode).toBe(401);
    expect((await login('новый-пароль-123')).statusCode).toBe(200);
    const again = await confirm(token, 'другой-пароль-456');
    expect(again.statusCode).toBe(400);
    expect((await login('другой-пароль-456')).statusCode).toBe(401);
  });

  it('refuses a link past its hour', async () => {
    expect((await ask('operator-user')).statusCode).toBe(202);
    await drained(h);
    const token = tokenIn(sent.at(-1), '/account/reset');
    now += 61 * 60_000;
    try {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        headers: { 'accept-language': 'en' },
        payload: { token, password: 'ещё-один-пароль' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].message).toContain('no longer valid');
    } finally {
      now -= 61 * 60_000;
    }
  });

  it('retries the mail when the mail server refuses it, and the retry’s link is the one that works', async () => {
    let refusals = 0;
    const before = sent.length;
    const previous = h.app.mailer.useTransport({
      send: async (m) => {
        if (refusals++ === 0) throw new Error('421 service not available, try later');
        sent.push(m);
      },
    });
    try {
      expect((await ask('operator-user')).statusCode).toBe(202);
      await drained(h);
      expect(refusals).toBe(2);
      expect(sent).toHaveLength(before + 1);
      const [job] = await h.db.query<{ attempts: number; status: string }>(
        "select attempts, status from job where name = 'auth.password-reset-mail' order by id desc limit 1",
      );
      expect(job).toMatchObject({ attempts: 2, status: 'done' });
      // The failed attempt's token rolled back with it: one live token, the mailed one.
      const live = await h.db.query(
        "select 1 from account_token where purpose = 'password_reset' and used_at is null",
      );
      expect(live).toHaveLength(1);
    } finally {
      h.app.mailer.useTransport(previous);
    }
  });

  it('limits asks per address and per caller, in the error shape with the seconds to wait', async () => {
    const limited = await createHarness(target, { loginRateLimit: 4 });
    try {
      const askAt = (login: string) =>
        limited.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { login } });
      expect((await askAt('a@example.ru')).statusCode).toBe(202);
      expect((await askAt(' A@example.ru')).statusCode).toBe(202);
      const perAddress = await askAt('a@example.ru');
      expect(perAddress.statusCode).toBe(429);
      expect(perAddress.json().error).toMatchObject({ code: 'rate_limited' });
      expect(perAddress.json().error.message).toMatch(/повторите через \d+ с/);
      expect((await askAt('b@example.ru')).statusCode).toBe(202);
      expect((await askAt('c@example.ru')).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe.each(databaseTargets)('e-mail confirmation and anonymous requests on $name', (target) => {
  let h: Harness;
  let sent: MailMessage[];
  const email = 'olga.ivanova@example.ru';

  const submitAnonymously = (subject: string, contactEmail: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/portal/forms/contact-test/submit',
      payload: { data: { subject, description: 'Не работает вход', contactEmail } },
    });
  const confirmEmail = (token: string) =>
    h.app.inject({ method: 'POST', url: '/api/v1/portal/email-confirmation', payload: { token } });

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    // The template's request type has a contact e-mail the feedback form asks anonymous visitors for.
    const { definitions } = h.app;
    const request = (await definitions.list({ kind: 'entity', q: 'request' })).items.find(
      (d) => d.key === 'request',
    )!;
    const current = await definitions.get(request.id);
    const body = current.body as EntityBody;
    const updated = await definitions.update(
      request.id,
      {
        name: current.name,
        body: {
          ...body,
          fields: [...body.fields, { key: 'contactEmail', type: 'email', label: { ru: 'Email' } }],
        },
        draftVersion: current.draftVersion,
      },
      null,
      'ru',
    );
    await definitions.publish(request.id, updated.draftVersion, null, 'ru');
    const form = await definitions.create(
      {
        kind: 'form',
        key: 'contact-test',
        name: 'contact-test',
        body: {
          schemaVersion: 1,
          entity: 'request',
          purpose: 'portal',
          layout: [
            { id: 'subject', type: 'field', field: 'subject' },
            { id: 'description', type: 'field', field: 'description' },
            { id: 'contactEmail', type: 'field', field: 'contactEmail' },
          ],
        },
      },
      null,
      'ru',
    );
    await definitions.publish(form.id, form.draftVersion, null, 'ru');
    sent = captureMail(h);
  });
  afterAll(() => h.close());

  it('links requests sent anonymously from the address only once the client confirms it', async () => {
    for (const [subject, from] of [
      ['Первое', email],
      ['Второе', 'Olga.Ivanova@Example.ru'],
      ['Чужое', 'someone.else@example.ru'],
    ] as const)
      expect((await submitAnonymously(subject, from)).statusCode).toBe(200);

    const client = await signupClient(h, 'Ольга Иванова', email);
    const mine = async () =>
      (
        await h.app.inject({ method: 'GET', url: '/api/v1/portal/my/requests', headers: client.headers })
      ).json() as { total: number; items: { title: string }[] };
    const status = async () =>
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/v1/portal/my/email-confirmation',
          headers: client.headers,
        })
      ).json();
    // Signed up, not confirmed: nothing of the address's past is shown.
    expect((await mine()).total).toBe(0);
    expect(await status()).toEqual({ email, confirmed: false });

    await drained(h);
    const mail = sent.find((m) => m.to === email);
    expect(mail?.subject).toBe('Подтвердите адрес электронной почты');
    const token = tokenIn(mail, '/account/confirm');
    expect((await confirmEmail('not-a-real-token')).statusCode).toBe(400);
    expect((await mine()).total).toBe(0);

    const confirmed = await confirmEmail(token);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ linked: 2 });
    const after = await mine();
    expect(after.items.map((r) => r.title).sort()).toEqual(['Второе', 'Первое']);
    expect(await status()).toEqual({ email, confirmed: true });
    expect((await confirmEmail(token)).statusCode).toBe(400);
  });

  it('links nothing for an account whose address was never confirmed', async () => {
    expect((await submitAnonymously('Письмо Петра', 'petr@example.ru')).statusCode).toBe(200);
    const client = await signupClient(h, 'Пётр', 'petr@example.ru');
    const resend = await h.app.inject({
      method: 'POST',
      url: '/api/v1/portal/my/email-confirmation',
      headers: client.headers,
    });
    expect(resend.statusCode).toBe(202);
    await drained(h);
    // Two links were mailed; only the newer one works.
    const links = sent.filter((m) => m.to === 'petr@example.ru').map((m) => tokenIn(m, '/account/confirm'));
    expect(links).toHaveLength(2);
    expect((await confirmEmail(links[0]!)).statusCode).toBe(400);
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/v1/portal/my/requests',
      headers: client.headers,
    });
    expect(list.json().total).toBe(0);
    const [row] = await h.db.query<{ client: unknown }>(
      "select data -> 'client' as client from record where entity = 'request' and title = 'Письмо Петра'",
    );
    expect(row!.client ?? null).toBeNull();
  });
});
