import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const line = (patch: object = {}) => ({
  schemaVersion: 2,
  title: { ru: 'Бухгалтерия', en: 'Accounting' },
  channels: [],
  order: 10,
  rules: [{ id: 'money', keywords: ['счёт'] }],
  groups: ['accounting'],
  skills: [],
  priority: 0,
  capacity: 3,
  offerTimeoutSeconds: 60,
  ...patch,
});

describe.each(databaseTargets)('publishing lines on $name', (target) => {
  let h: Harness;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const create = (kind: string, key: string, body: object, who = analyst) =>
    call('POST', '/definitions', who, { kind, key, name: key, body });
  const publish = async (key: string, body: object, locale?: string) => {
    const created = await create('line', key, body);
    expect(created.statusCode).toBe(201);
    const { id, draftVersion } = created.json();
    return call(
      'POST',
      `/definitions/${id}/publish`,
      { ...analyst, ...(locale ? { 'accept-language': locale } : {}) },
      {
        draftVersion,
      },
    );
  };

  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.as('admin');
    analyst = await h.as('analyst');
    const chat = await create(
      'channel',
      'site-chat',
      { schemaVersion: 1, title: { ru: 'Чат' }, settings: { type: 'widget', allowedOrigins: [] } },
      admin,
    );
    await call('POST', `/definitions/${chat.json().id}/publish`, admin, {
      draftVersion: chat.json().draftVersion,
    });
  });
  afterAll(() => h.close());

  it('publishes a line whose channels are published, and refuses one naming a channel that is not', async () => {
    expect((await publish('chat-billing', line({ channels: ['site-chat'] }))).statusCode).toBe(201);
    const refused = await publish(
      'tg-billing',
      line({ rules: [{ id: 'tg', channels: ['site-chat', 'telegram-bot'] }] }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ pointer: '/body/rules/0/channels/1', code: 'reference' }),
    ]);
  });

  it('refuses a second default line, naming the first; takes it again once the first is archived', async () => {
    expect((await publish('general', line({ isDefault: true, rules: [] }))).statusCode).toBe(201);
    const second = await publish('other-default', line({ isDefault: true, title: { ru: 'Другая' } }));
    expect(second.statusCode).toBe(422);
    expect(second.json().error.details).toEqual([
      {
        pointer: '/body/isDefault',
        code: 'default_line',
        message: expect.stringContaining('«Бухгалтерия» (general)'),
      },
    ]);
    // The default line itself publishes again (a new version of the same line).
    const general = (await call('GET', '/definitions?kind=line&q=general', analyst)).json().items[0];
    const saved = await call('PUT', `/definitions/${general.id}`, analyst, {
      draftVersion: general.draftVersion,
      name: 'general',
      body: line({ isDefault: true, rules: [], priority: 5 }),
    });
    expect(saved.statusCode).toBe(200);
    const republished = await call('POST', `/definitions/${general.id}/publish`, analyst, {
      draftVersion: saved.json().draftVersion,
    });
    expect(republished.statusCode).toBe(201);
    expect((await call('POST', `/definitions/${general.id}/archive`, analyst)).statusCode).toBe(200);
    const other = (await call('GET', '/definitions?kind=line&q=other-default', analyst)).json().items[0];
    const retried = await call('POST', `/definitions/${other.id}/publish`, analyst, {
      draftVersion: other.draftVersion,
    });
    expect(retried.statusCode).toBe(201);
  });

  it('refuses hours that end before they start and a pattern RE2 cannot run, already as a draft', async () => {
    const refused = await create(
      'line',
      'bad-hours',
      line({
        hours: { timeZone: 'Europe/Moscow', week: [{ day: 1, from: '18:00', to: '09:00' }] },
        rules: [{ id: 'p', pattern: '(a)\\1' }],
      }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { pointer: string }) => d.pointer)).toEqual([
      '/body/hours/week/0/to',
      '/body/rules/0/pattern',
    ]);
  });

  it('refuses overlapping hours on one day and a capacity of 0, pointing at each', async () => {
    const refused = await create(
      'line',
      'overlapping',
      line({
        hours: {
          timeZone: 'Europe/Moscow',
          week: [
            { day: 2, from: '09:00', to: '13:00' },
            { day: 2, from: '12:00', to: '18:00' },
          ],
        },
      }),
    );
    expect(refused.statusCode).toBe(400);
    const pointers = refused.json().error.details.map((d: { pointer: string }) => d.pointer);
    expect(pointers.some((p: string) => p.startsWith('/body/hours/week/'))).toBe(true);
    const empty = await create('line', 'no-room', line({ capacity: 0 }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.map((d: { pointer: string }) => d.pointer)).toContain('/body/capacity');
  });
});
