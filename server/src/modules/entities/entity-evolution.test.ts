import type { EntityBody, EntityField } from '@opora/runtime/definitions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, login, testPassword } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const label = (ru: string, en?: string) => ({ ru, ...(en ? { en } : {}) });
const subject: EntityField = {
  key: 'subject',
  type: 'string',
  label: label('Тема', 'Subject'),
  required: true,
};
const amount: EntityField = { key: 'amount', type: 'string', label: label('Сумма', 'Amount') };
const channel: EntityField = {
  key: 'channel',
  type: 'enum',
  label: label('Канал', 'Channel'),
  options: [
    { value: 'email', label: label('Почта'), color: '#2563eb' },
    { value: 'phone', label: label('Телефон'), color: '#16a34a' },
    { value: 'fax', label: label('Факс'), color: '#64748b' },
  ],
};
const type = (fields: EntityField[], migrate?: EntityBody['migrate']): EntityBody => ({
  schemaVersion: 1,
  label: label('Обращение'),
  titleField: 'subject',
  fields,
  ...(migrate ? { migrate } : {}),
});
const v1 = type([subject, amount, channel]);

interface Detail {
  pointer: string;
  message: string;
  code?: string;
}

describe.each(databaseTargets)('evolving a published data type on $name', (target) => {
  let h: Harness;
  let analyst: Record<string, string>;
  let operator: Record<string, string>;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  /** A published data type `key` (v1) with the given records. */
  async function typeWith(key: string, records: Record<string, unknown>[], body: EntityBody = v1) {
    const created = await call('POST', '/definitions', analyst, { kind: 'entity', key, name: key, body });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect((await call('POST', `/definitions/${id}/publish`, analyst, { draftVersion: 1 })).statusCode).toBe(
      201,
    );
    const ids: string[] = [];
    for (const data of records) {
      const res = await call('POST', `/records/${key}`, operator, { data });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    return { id, key, ids };
  }

  /** Saves the body as the draft and publishes it. */
  async function publish(id: string, body: EntityBody) {
    const current = (await call('GET', `/definitions/${id}`, analyst)).json();
    const saved = await call('PUT', `/definitions/${id}`, analyst, {
      name: current.name,
      body,
      draftVersion: current.draftVersion,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    return call('POST', `/definitions/${id}/publish`, analyst, { draftVersion: saved.json().draftVersion });
  }

  const details = (res: { json(): { error: { details: Detail[] } } }) => res.json().error.details;
  const record = async (key: string, id: string) =>
    (await call('GET', `/records/${key}/${id}`, operator)).json();
  const latest = async (id: string) =>
    (await call('GET', `/definitions/${id}`, analyst)).json().latestVersion;

  beforeAll(async () => {
    h = await createHarness(target);
    analyst = await h.as('analyst');
    operator = await h.as('operator');
  });
  afterAll(() => h.close());

  it('publishes an added optional field over existing records, touching none of them', async () => {
    const t = await typeWith('optional', [{ subject: 'Первое', channel: 'email' }]);
    const res = await publish(
      t.id,
      type([subject, amount, channel, { key: 'note', type: 'text', label: label('Заметка') }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().version).toBe(2);
    expect(await record(t.key, t.ids[0]!)).toMatchObject({ entityVersion: 1, version: 1 });
  });

  it('refuses a type change that records do not fit, naming the field and the count', async () => {
    const t = await typeWith('typechange', [
      { subject: 'А', amount: '1 500,50' },
      { subject: 'Б', amount: '200' },
      { subject: 'В' },
    ]);
    const res = await publish(t.id, type([subject, { ...amount, type: 'number' }, channel]));
    expect(res.statusCode).toBe(422);
    expect(details(res)).toEqual([
      {
        pointer: '/body/fields/1/type',
        code: 'type-changed',
        message:
          '«Сумма»: тип изменён с «Строка» на «Число», а значения в 2 записях (например, №1, №2) ему не подходят. ' +
          'Добавьте правило миграции «преобразовать значения» или верните прежний тип.',
      },
    ]);
    expect(await latest(t.id)).toBe(1);
    expect((await record(t.key, t.ids[0]!)).data.amount).toBe('1 500,50');
  });

  it('applies a convert rule: records converted, re-validated, stamped with the new version, audited', async () => {
    const t = await typeWith('convert', [
      { subject: 'А', amount: '1 500,50' },
      { subject: 'Б', amount: '200' },
      { subject: 'В' },
    ]);
    const res = await publish(
      t.id,
      type([subject, { ...amount, type: 'number' }, channel], [{ field: 'amount', convert: true }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(await record(t.key, t.ids[0]!)).toMatchObject({
      data: { amount: 1500.5 },
      entityVersion: 2,
      version: 2,
    });
    expect(await record(t.key, t.ids[1]!)).toMatchObject({ data: { amount: 200 }, entityVersion: 2 });
    // Untouched records keep their version: nothing about them changed.
    expect(await record(t.key, t.ids[2]!)).toMatchObject({
      data: { subject: 'В' },
      entityVersion: 1,
      version: 1,
    });
    const audit = (await call('GET', `/records/${t.key}/${t.ids[0]}/audit`, operator)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'update',
      before: { amount: '1 500,50' },
      after: { amount: 1500.5 },
    });
    // The records keep working: an operator edits a migrated record under the new version.
    const edited = await call('PATCH', `/records/${t.key}/${t.ids[0]}`, operator, {
      version: 2,
      data: { amount: 10 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // Publishing the same body again changes nothing: there is nothing to publish.
    expect(
      (await call('POST', `/definitions/${t.id}/publish`, analyst, { draftVersion: 2 })).statusCode,
    ).toBe(409);
    expect(await record(t.key, t.ids[1]!)).toMatchObject({ entityVersion: 2, version: 2 });
  });

  it('refuses a conversion that fails for some records, saving nothing, until the rule says what to put', async () => {
    const t = await typeWith('convertfail', [
      { subject: 'А', amount: '10' },
      { subject: 'Б', amount: 'около ста' },
    ]);
    const next = type(
      [subject, { ...amount, type: 'number' }, channel],
      [{ field: 'amount', convert: true }],
    );
    const res = await publish(t.id, next);
    expect(res.statusCode).toBe(422);
    expect(details(res)).toEqual([
      expect.objectContaining({
        pointer: '/body/migrate/0',
        message: expect.stringContaining(
          '«Сумма»: не удалось преобразовать значения в 1 записи к типу «Число»',
        ),
      }),
    ]);
    expect(await latest(t.id)).toBe(1);
    expect((await record(t.key, t.ids[0]!)).data.amount).toBe('10');
    const withSet = await publish(t.id, {
      ...next,
      migrate: [{ field: 'amount', convert: true, set: null }],
    });
    expect(withSet.statusCode, withSet.body).toBe(201);
    expect((await record(t.key, t.ids[0]!)).data).toEqual({ subject: 'А', amount: 10 });
    expect((await record(t.key, t.ids[1]!)).data).toEqual({ subject: 'Б' });
  });

  it('refuses a new required field without a default, and fills it in from a set rule', async () => {
    const t = await typeWith('required', [{ subject: 'А' }, { subject: 'Б' }]);
    const priority: EntityField = {
      key: 'priority',
      type: 'number',
      label: label('Приоритет'),
      required: true,
    };
    const refused = await publish(t.id, type([subject, amount, channel, priority]));
    expect(refused.statusCode).toBe(422);
    expect(details(refused)).toEqual([
      expect.objectContaining({
        pointer: '/body/fields/3/required',
        message: expect.stringContaining(
          '«Приоритет»: новое обязательное поле без значения по умолчанию, а в типе уже есть 2 записи',
        ),
      }),
    ]);
    const filled = await publish(
      t.id,
      type([subject, amount, channel, priority], [{ field: 'priority', set: 3 }]),
    );
    expect(filled.statusCode, filled.body).toBe(201);
    for (const id of t.ids)
      expect(await record(t.key, id)).toMatchObject({ data: { priority: 3 }, entityVersion: 2 });
  });

  it('fills a newly required field from its default without a rule', async () => {
    const t = await typeWith('reqdefault', [{ subject: 'А' }, { subject: 'Б', channel: 'phone' }]);
    const res = await publish(
      t.id,
      type([subject, amount, { ...channel, required: true, default: 'email' }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect((await record(t.key, t.ids[0]!)).data.channel).toBe('email');
    expect((await record(t.key, t.ids[1]!)).data.channel).toBe('phone');
  });

  it('refuses removing an enum option in use, and remaps it with a map rule', async () => {
    const t = await typeWith('options', [
      { subject: 'А', channel: 'fax' },
      { subject: 'Б', channel: 'email' },
    ]);
    const withoutFax = { ...channel, options: channel.options.slice(0, 2) };
    const refused = await publish(t.id, type([subject, amount, withoutFax]));
    expect(refused.statusCode).toBe(422);
    expect(details(refused)).toEqual([
      expect.objectContaining({
        pointer: '/body/fields/2/options',
        code: 'option-removed',
        message: expect.stringContaining(
          '«Канал»: удалены значения «Факс», а они выбраны в 1 записи (например, №1)',
        ),
      }),
    ]);
    const mapped = await publish(
      t.id,
      type([subject, amount, withoutFax], [{ field: 'channel', map: { fax: 'phone' } }]),
    );
    expect(mapped.statusCode, mapped.body).toBe(201);
    expect(await record(t.key, t.ids[0]!)).toMatchObject({ data: { channel: 'phone' }, entityVersion: 2 });
    expect(await record(t.key, t.ids[1]!)).toMatchObject({ data: { channel: 'email' }, entityVersion: 1 });
  });

  it('answers in the language of the analyst', async () => {
    const t = await typeWith('english', [{ subject: 'А', channel: 'fax' }]);
    await h.app.users.create(
      { login: 'en-analyst', name: 'Analyst', password: testPassword, roles: ['analyst'], locale: 'en' },
      null,
    );
    analyst = await login(h.app, 'en-analyst', testPassword);
    try {
      const res = await publish(
        t.id,
        type([subject, amount, { ...channel, options: channel.options.slice(0, 2) }]),
      );
      expect(details(res)[0]?.message).toBe(
        '"Channel": the options "Факс" were removed, and they are chosen in 1 record (e.g. №1). ' +
          'Add a "replace values" migration rule or restore them.',
      );
    } finally {
      analyst = await h.as('analyst');
    }
  });

  it('refuses removing a field that holds data unless a drop rule deletes it; empty keys go quietly', async () => {
    const t = await typeWith('removal', [{ subject: 'А', amount: '5' }, { subject: 'Б' }]);
    const refused = await publish(t.id, type([subject, channel]));
    expect(refused.statusCode).toBe(422);
    expect(details(refused)).toEqual([
      expect.objectContaining({
        pointer: '/body/fields',
        code: 'field-removed',
        message: expect.stringContaining('Поле «Сумма» удалено'),
      }),
    ]);
    const dropped = await publish(t.id, type([subject, channel], [{ field: 'amount', drop: true }]));
    expect(dropped.statusCode, dropped.body).toBe(201);
    expect((await record(t.key, t.ids[0]!)).data).toEqual({ subject: 'А' });
    const edited = await call('PATCH', `/records/${t.key}/${t.ids[0]}`, operator, {
      version: 2,
      data: { subject: 'А2' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it('refuses tightened limits and a new unique flag that records break, naming each', async () => {
    const t = await typeWith('limits', [
      { subject: 'Очень длинная тема обращения', amount: 'A1' },
      { subject: 'Коротко', amount: 'A1' },
    ]);
    const res = await publish(
      t.id,
      type([{ ...subject, maxLength: 10 }, { ...amount, unique: true, pattern: '^[0-9]+$' }, channel]),
    );
    expect(res.statusCode).toBe(422);
    expect(details(res).map((d) => [d.pointer, d.code])).toEqual([
      ['/body/fields/0/maxLength', 'limit-tightened'],
      ['/body/fields/1/unique', 'unique-added'],
      ['/body/fields/1/pattern', 'limit-tightened'],
    ]);
    expect(details(res)[0]?.message).toContain('значения в 1 записи (например, №1) ему не соответствуют');
  });

  it('refuses a migration that would give a unique field the same value twice', async () => {
    const t = await typeWith('uniqueset', [{ subject: 'А' }, { subject: 'Б' }]);
    const code: EntityField = {
      key: 'code',
      type: 'string',
      label: label('Код'),
      required: true,
      unique: true,
    };
    const res = await publish(t.id, type([subject, amount, channel, code], [{ field: 'code', set: 'X' }]));
    expect(res.statusCode).toBe(422);
    expect(details(res)[0]).toMatchObject({ pointer: '/body/migrate/0', code: 'migration-unique' });
    expect((await record(t.key, t.ids[0]!)).data).toEqual({ subject: 'А' });
    expect(await latest(t.id)).toBe(1);
  });

  it('migrates records in batches, every one of them', async () => {
    const t = await typeWith('many', []);
    await h.db.query(
      `insert into record (id, entity, number, entity_version, data)
       select gen_random_uuid(), 'many', n, 1, jsonb_build_object('subject', 'Запись ' || n, 'amount', n::text)
       from generate_series(1, 1234) as n`,
    );
    const res = await publish(
      t.id,
      type([subject, { ...amount, type: 'number' }, channel], [{ field: 'amount', convert: true }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await h.db.query<{ migrated: string | number; sum: string | number }>(
      `select count(*) as migrated, sum((data->>'amount')::numeric) as sum from record
       where entity = 'many' and entity_version = 2 and jsonb_typeof(data->'amount') = 'number'`,
    );
    expect(Number(row!.migrated)).toBe(1234);
    expect(Number(row!.sum)).toBe((1234 * 1235) / 2);
  });

  it('lets a type without records change freely', async () => {
    const t = await typeWith('empty', []);
    const res = await publish(
      t.id,
      type([
        { ...subject, maxLength: 5, unique: true },
        { ...amount, type: 'number', required: true },
        { key: 'fresh', type: 'boolean', label: label('Новое'), required: true },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
  });

  it('leaves deleted records out of the question', async () => {
    const t = await typeWith('deleted', [{ subject: 'А', channel: 'fax' }]);
    expect((await call('DELETE', `/records/${t.key}/${t.ids[0]}?version=1`, operator)).statusCode).toBe(204);
    const res = await publish(
      t.id,
      type([subject, amount, { ...channel, options: channel.options.slice(0, 2) }]),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
});
