import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const day = 86_400_000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();

describe.each(databaseTargets)('announcements on $name', (target) => {
  let h: Harness;
  let supervisor: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((a) => a.title);

  beforeAll(async () => {
    h = await createHarness(target);
    supervisor = await h.as('supervisor');
    const create = (title: string, startsAt: string, endsAt: string | null) =>
      call('POST', '/announcements', supervisor, { title, severity: 'info', startsAt, endsAt });
    for (const [title, starts, ends] of [
      ['Давно закончилось', -60, -40],
      ['Недавно закончилось', -20, -10],
      ['Идёт сейчас', -1, 1],
      ['Бессрочное', -2, null],
      ['Запланировано', 1, 2],
    ] as const)
      expect((await create(title, at(starts), ends === null ? null : at(ends))).statusCode).toBe(201);
  });
  afterAll(() => h.close());

  it('shows everyone what is active now, and with includePast the last 30 days too, newest first', async () => {
    expect(titles(await call('GET', '/portal/announcements', {}))).toEqual(['Идёт сейчас', 'Бессрочное']);
    expect(titles(await call('GET', '/portal/announcements?includePast=true', {}))).toEqual([
      'Идёт сейчас',
      'Бессрочное',
      'Недавно закончилось',
    ]);
    expect(titles(await call('GET', '/portal/announcements?limit=1', {}))).toEqual(['Идёт сейчас']);
  });

  it('lists every announcement to staff, scheduled ones included', async () => {
    const page = (await call('GET', '/announcements?limit=2', supervisor)).json();
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(page.items.map((a: { title: string }) => a.title)).toEqual(['Запланировано', 'Идёт сейчас']);
  });

  it('sanitizes the HTML and records who wrote it', async () => {
    const res = await call('POST', '/announcements', supervisor, {
      title: 'Работы',
      body: '<p onclick="steal()">Ночью <b>обновление</b><script>alert(1)</script><a href="javascript:x()">ссылка</a></p>',
      severity: 'maintenance',
      startsAt: at(-1),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: 'Работы',
      body: '<p>Ночью <b>обновление</b><a>ссылка</a></p>',
      severity: 'maintenance',
      endsAt: null,
      createdBy: 'Test supervisor',
    });
    const id = res.json().id;
    const changed = await call('PUT', `/announcements/${id}`, await h.as('analyst'), {
      title: 'Работы завершены',
      body: '<img src="x" onerror="alert(1)">',
      severity: 'info',
      startsAt: at(-1),
      endsAt: at(-0.5),
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      title: 'Работы завершены',
      body: '<img src="x" />',
      severity: 'info',
    });
    expect(titles(await call('GET', '/portal/announcements', {}))).not.toContain('Работы завершены');
    expect((await call('DELETE', `/announcements/${id}`, supervisor)).statusCode).toBe(204);
    expect((await call('DELETE', `/announcements/${id}`, supervisor)).statusCode).toBe(404);
  });

  it('refuses an end before the start, a blank or too long title, an unknown severity', async () => {
    const base = { title: 'Окно', severity: 'outage', startsAt: at(0) };
    const backwards = await call('POST', '/announcements', supervisor, { ...base, endsAt: at(-1) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([
      expect.objectContaining({ pointer: '/endsAt', message: 'Окончание должно быть позже начала' }),
    ]);
    const blank = await call('POST', '/announcements', supervisor, { ...base, title: '   ' });
    expect(blank.json().error.details[0].pointer).toBe('/title');
    const long = await call('POST', '/announcements', supervisor, { ...base, title: 'я'.repeat(201) });
    expect(long.statusCode).toBe(400);
    const severity = await call('POST', '/announcements', supervisor, { ...base, severity: 'panic' });
    expect(severity.statusCode).toBe(400);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call('PUT', `/announcements/${missing}`, supervisor, base)).statusCode).toBe(404);
  });

  it('lets only admins, supervisors and analysts manage announcements', async () => {
    for (const role of ['operator', 'developer', 'client'] as const)
      expect((await call('GET', '/announcements', await h.as(role))).statusCode).toBe(403);
    expect((await call('GET', '/announcements', {})).statusCode).toBe(401);
    expect((await call('GET', '/announcements', await h.as('admin'))).statusCode).toBe(200);
  });
});
