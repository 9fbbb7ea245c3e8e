import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketEntity } from '../../testing/fixtures.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

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

  it('stops a runaway script with the limit named, and keeps serving', async () => {
    const res = await testRun({ source: 'export default () => { for (;;) {} }', limits: { timeoutMs: 200 } });
    expect(res.json()).toMatchObject({
      ok: false,
      error: { code: 'timeout', message: expect.stringContaining('200 ms') },
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
});
