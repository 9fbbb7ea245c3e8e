import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketEntity } from '../../testing/fixtures.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { SecretScrubber } from '../integrations/secret-masking.js';
import { scriptSdk } from './script-sdk.js';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { value };
  return value;
};

describe.each(databaseTargets)('script test-run on $name', (target) => {
  let h: Harness;
  let headers: Record<string, string>;
  const testRun = (payload: object) =>
    h.app.inject({ method: 'POST', url: '/api/v1/scripts/test-run', headers, payload });

  beforeAll(async () => {
    h = await createHarness(target);
    const admin = await h.as('admin');
    const def = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: admin,
      payload: { kind: 'entity', key: 'ticket', name: 'Заявка', body: ticketEntity },
    });
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${def.json().id}/publish`,
      headers: admin,
      payload: { draftVersion: 1 },
    });
    headers = await h.as('developer');
  });
  afterAll(() => h.close());

  it('runs a script that creates and reads records as the developer', async () => {
    const source = `
      export default async function run(ctx) {
        const created = await ctx.records.create('ticket', { subject: ctx.input.subject });
        ctx.log.info('created', created.number);
        const again = await ctx.records.get('ticket', created.id);
        const found = await ctx.records.find('ticket', { q: 'принтер' });
        return { number: again.number, title: again.title, found: found.total };
      }`;
    const res = await testRun({ source, input: { subject: 'Не печатает принтер' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      output: { number: 1, title: 'Не печатает принтер', found: 1 },
      logs: [{ level: 'info', message: 'created 1' }],
      sdkCalls: 3,
    });
    const audit = await h.app.inject({
      method: 'GET',
      url: '/api/v1/audit?targetType=record',
      headers: await h.as('admin'),
    });
    expect(audit.json().items[0].actor.name).toBe('Test developer');
  });

  it('passes record validation errors to the script as catchable errors', async () => {
    const res = await testRun({
      source: `export default async (ctx) => { try { await ctx.records.create('ticket', { priority: 99 }); } catch (e) { return e.message; } }`,
    });
    expect(res.json().output).toContain('/data/subject');
  });

  it('answers compile errors with their line and column, and runtime errors at the TS line', async () => {
    const bad = await testRun({ source: 'const a = 1;\nconst b = ;' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({
      pointer: '/source',
      message: expect.stringMatching(/^2:11 /),
    });
    const thrown = await testRun({
      source:
        'export default function run() {\n  const x: number = 1;\n  throw new Error("нет данных " + x);\n}',
    });
    expect(thrown.json()).toMatchObject({
      ok: false,
      error: { code: 'runtime_error', message: 'нет данных 1', line: 3 },
    });
  });

  it('refuses to publish a script with type errors, naming them in the caller’s language', async () => {
    const developer = await h.as('developer');
    const made = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: developer,
      payload: {
        kind: 'script',
        key: 'typed-wrong',
        name: 'С ошибкой типов',
        body: {
          schemaVersion: 1,
          language: 'typescript',
          source: "export default function run() {\n  const n: number = 'текст';\n  return n;\n}",
        },
      },
    });
    const publish = (language: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/definitions/${made.json().id}/publish`,
        headers: { ...developer, 'accept-language': language },
        payload: { draftVersion: 1 },
      });
    expect((await publish('ru')).json().error.details).toContainEqual(
      expect.objectContaining({
        pointer: '/body/source',
        message: '2:9 Ошибка TS2322: Тип «string» нельзя присвоить типу «number».',
      }),
    );
  });

  it('stops a runaway script with the limit named, and keeps serving', async () => {
    const res = await testRun({ source: 'export default () => { for (;;) {} }', limits: { timeoutMs: 200 } });
    expect(res.json()).toMatchObject({
      ok: false,
      error: { code: 'timeout', message: expect.stringContaining('200 мс') },
    });
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('gives a script no more rights than its identity: a client identity cannot touch records', async () => {
    const client = {
      id: 'c',
      login: 'client-user',
      name: 'Client',
      roles: ['client' as const],
      locale: 'ru' as const,
      via: 'token' as const,
    };
    const result = await h.app.scripts.testRun(
      `export default async (ctx) => { try { await ctx.records.find('ticket', {}); return 'leaked'; } catch (e) { return e.message; } }`,
      null,
      {},
      client,
      'ru',
    );
    expect(result).toMatchObject({ ok: true, output: 'Недостаточно прав для этого действия' });
  });

  it('checks SDK arguments with the records API’s own schemas: hostile ones get clear errors, the database keeps answering', async () => {
    const source = `export default async (ctx) => {
      const message = (p) => p.then(() => 'passed', (e) => e.message);
      return {
        q: await message(ctx.records.find('ticket', { q: 'принтер '.repeat(12800) })),
        limit: await message(ctx.records.find('ticket', { limit: 1e9, offset: -1 })),
        offset: await message(ctx.records.find('ticket', { offset: 1e20 })),
        number: await message(ctx.records.find('ticket', { filter: ['number:gt:1e30'] })),
        filters: await message(ctx.records.find('ticket', { filter: Array.from({ length: 1000 }, (_, i) => 'subject:eq:' + i) })),
        unknown: await message(ctx.records.find('ticket', { evil: true })),
        entity: await message(ctx.records.get("ticket'; drop table record; --", 'x')),
        id: await message(ctx.records.get('ticket', 'not-a-uuid')),
        version: await message(ctx.records.update('ticket', '00000000-0000-4000-8000-000000000000', 0, {})),
        data: await message(ctx.records.create('ticket', 'text')),
        nul: await message(ctx.records.create('ticket', { subject: 'a\\u0000b' })),
        fetch: await message(ctx.http.fetch('crm', '', { method: 'BREW', headers: { 'Bad Header': 'x' } })),
      };
    }`;
    const res = await testRun({ source, limits: { timeoutMs: 20_000, cpuMs: 10_000 } });
    expect(res.statusCode).toBe(200);
    const output = res.json().output as Record<string, string>;
    expect(output).toMatchObject({
      q: expect.stringMatching(/^Данные не прошли проверку \(\/query\/q: /),
      limit: expect.stringMatching(/\/query\/limit: .*\/query\/offset: /),
      offset: expect.stringContaining('/query/offset: '),
      number: expect.stringContaining('Некорректный фильтр «number:gt:1e30»'),
      filters: expect.stringContaining('/query/filter: '),
      unknown: expect.stringContaining('/query/evil'),
      entity: expect.stringContaining('/entity: '),
      id: expect.stringContaining('/id: '),
      version: expect.stringContaining('/version: '),
      data: expect.stringContaining('/data: '),
      nul: expect.stringContaining('NUL'),
      fetch: expect.stringMatching(/\/path: .*\/init\/headers\/Bad Header: .*\/init\/method: /),
    });
    // The same words the records API uses for the same mistake.
    const api = await h.app.inject({
      method: 'GET',
      url: `/api/v1/records/ticket?q=${'x'.repeat(600)}`,
      headers,
    });
    expect(output.q).toContain(api.json().error.details[0].message);
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const after = await testRun({
      source: `export default async (ctx) => (await ctx.records.find('ticket', { q: 'принтер' })).total`,
    });
    expect(after.json()).toMatchObject({ ok: true, output: expect.any(Number) });
  });

  it('never hands SQL to a script: a failing query reads as a generic message, in full only in the server log', async () => {
    h.app.records.addSaveCheck(async ({ tx, data }) => {
      if (data.subject === 'сбой базы') await h.db.query('select no_such_column from record', [], tx);
      return [];
    });
    const source = `export default async (ctx) => { try { await ctx.records.create('ticket', { subject: 'сбой базы' }); } catch (e) { return e.message; } }`;
    const res = await testRun({ source });
    expect(res.json().output).toBe(
      'Не удалось выполнить records.create: внутренняя ошибка сервера (подробности — в журнале сервера)',
    );
    expect(res.body).not.toMatch(/select|no_such_column/i);

    const logged: { op: string; error: unknown }[] = [];
    const sdk = scriptSdk({
      actor: {
        id: 'd',
        login: 'developer-user',
        name: 'Dev',
        roles: ['developer'],
        locale: 'en',
        via: 'token',
      },
      records: h.app.records,
      caller: h.app.integrations,
      integrations: [],
      locale: 'en',
      scrubber: new SecretScrubber(),
      logFailure: (failure) => logged.push(failure),
    });
    await expect(sdk('records.create', ['ticket', { subject: 'сбой базы' }])).rejects.toThrow(
      /^records\.create failed: internal server error \(details are in the server log\)$/,
    );
    expect(logged).toMatchObject([{ op: 'records.create' }]);
    expect(String(logged[0]?.error)).toContain('no_such_column');
  });

  it('answers input nested 10,000 levels deep with a 400 in the error shape, never a 500', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/scripts/test-run',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: `{"source":"export default () => 1","input":${deep}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    // The service's own check, whatever the body parser allows: just past the sandbox's depth.
    await expect(
      h.app.scripts.testRun('export default () => 1', nested(65), {}, null, 'en'),
    ).rejects.toMatchObject({
      status: 400,
      details: [{ pointer: '/input', message: 'The input is nested deeper than 64 levels' }],
    });
    expect(
      (await testRun({ source: 'export default (ctx) => ctx.input', input: nested(60) })).json(),
    ).toMatchObject({ ok: true });
  });

  it('keeps /api/health answering while a script floods the SDK; the flood ends cleanly and the sandbox carries on', async () => {
    const flood = testRun({
      source: `export default async (ctx) => {
        const calls = [];
        let stopped = '';
        try {
          for (let i = 0; i < 1000000; i++) calls.push(ctx.records.find('ticket', { q: 'принтер' }).then(() => 1, () => 0));
        } catch (e) { stopped = e.message; }
        const answered = (await Promise.all(calls)).reduce((a, b) => a + b, 0);
        return { made: calls.length, answered, stopped };
      }`,
      limits: { maxSdkCalls: 10_000, timeoutMs: 60_000, cpuMs: 30_000, memoryMb: 128 },
    });
    let finished = false;
    void flood.then(() => {
      finished = true;
    });
    const answeredDuringFlood: number[] = [];
    while (!finished && answeredDuringFlood.length < 5) {
      const health = await h.app.inject({ method: 'GET', url: '/api/health' });
      if (!finished) answeredDuringFlood.push(health.statusCode);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const res = await flood;
    expect(answeredDuringFlood.length).toBeGreaterThan(0);
    expect(answeredDuringFlood.every((status) => status === 200)).toBe(true);
    // The script stops where the host would start refusing: 4 calls under way and 1,000 waiting.
    expect(res.json()).toMatchObject({
      ok: true,
      output: { made: 1004, answered: 1004, stopped: expect.stringContaining('Слишком много вызовов SDK') },
      sdkCalls: 1004,
    });
    expect((await testRun({ source: 'export default () => "alive"' })).json()).toMatchObject({
      ok: true,
      output: 'alive',
    });
  });

  it('bounds a user’s concurrent test runs with a clear, localized refusal', async () => {
    const slow = () =>
      testRun({ source: 'export default () => { for (;;) {} }', limits: { timeoutMs: 1500 } });
    const answers = await Promise.all(Array.from({ length: 6 }, slow));
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.json().error).toMatchObject({
      code: 'too_many_script_runs',
      message:
        'Уже выполняется или ждёт запуска предельное число ваших пробных запусков (4); дождитесь их окончания',
    });
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(4);
  });
});
