import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningServer, startServer } from '../e2e/support/server-process.js';

// A real server process starting on a busy two-core machine: the boot alone can take a minute.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 240_000 });

/**
 * The first script test-run after the server starts succeeds: the sandbox and the compiler warm up in the
 * background, and the run's time limit counts only from when its code starts, never during that boot. What the
 * run says comes in the caller's language.
 */
describe('a script test-run right after the server starts', () => {
  let server: RunningServer;
  let headers: Record<string, string>;
  const testRun = (payload: object, language = 'ru') =>
    fetch(`${server.baseUrl}/api/v1/scripts/test-run`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify(payload),
    });

  beforeAll(async () => {
    server = await startServer({ DEMO_TEMPLATE: '' });
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: server.adminPassword }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    headers = { cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '', 'x-csrf-token': csrfToken };
  });
  afterAll(() => server?.stop());

  it('runs the first script at once, within its default limit', async () => {
    const res = await testRun({
      source: `export default async function run(ctx: ScriptContext<{ name: string }>) {
  ctx.log.info('hello', ctx.input.name);
  return { greeting: 'Привет, ' + ctx.input.name };
}`,
      input: { name: 'Мария' },
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      output: { greeting: 'Привет, Мария' },
      logs: [{ level: 'info', message: 'hello Мария' }],
    });
    // The run's own clock: the sandbox's boot and the compile are not in it.
    expect(body.durationMs).toBeLessThan(2000);
  });

  it("says a run's limits and compile errors in the caller's language", async () => {
    const looping = {
      source: 'export default () => { for (;;) {} }',
      limits: { timeoutMs: 300, cpuMs: 300 },
    };
    const ru = await (await testRun(looping)).json();
    expect(ru.error.message).toMatch(/Скрипт .*(предел|процессорного)/);
    const en = await (await testRun(looping, 'en')).json();
    expect(en.error.message).toMatch(/The script .*(limit)/);

    const broken = { source: 'const a = 1;\nconst b = ;' };
    expect((await (await testRun(broken)).json()).error.details[0].message).toBe(
      '2:11 Синтаксическая ошибка: Неожиданное «;»',
    );
    expect((await (await testRun(broken, 'en-US,en;q=0.9')).json()).error.details[0].message).toBe(
      '2:11 Syntax error: Unexpected ";"',
    );
  });
});
