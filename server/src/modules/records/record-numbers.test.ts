import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberSequencesFromCounters } from '../../db/migrations/20261223-0024n-record-number-sequences.js';
import { ticketEntity } from '../../testing/fixtures.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('record numbers on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  let analyst: Record<string, string>;
  const publishType = async (key: string) => {
    const def = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: analyst,
      payload: { kind: 'entity', key, name: key, body: ticketEntity },
    });
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${def.json().id}/publish`,
      headers: analyst,
      payload: { draftVersion: 1 },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const create = (key: string, subject: string) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/records/${key}`,
      headers: operator,
      payload: { data: { subject } },
    });

  beforeAll(async () => {
    h = await createHarness(target);
    analyst = await h.as('analyst');
    operator = await h.as('operator');
    await publishType('ticket');
    await publishType('invoice');
  });
  afterAll(() => h.close());

  it('numbers concurrent creates of one type without repeats or gaps, each type on its own', async () => {
    const made = await Promise.all(Array.from({ length: 24 }, (_, i) => create('ticket', `Обращение ${i}`)));
    expect(made.map((r) => r.statusCode)).toEqual(made.map(() => 201));
    const numbers = made.map((r) => r.json().number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect((await create('invoice', 'Счёт')).json().number).toBe(1);
  });

  it('leaves the number of a create that failed unused and goes on after it', async () => {
    const before = (await create('ticket', 'До')).json().number as number;
    // A record id already taken fails the insert after the number was drawn: the transaction rolls back.
    const [taken] = await h.db.query<{ id: string }>(`select id from record where entity = 'ticket' limit 1`);
    await expect(
      h.db.transaction((tx) =>
        h.db.query(
          `insert into record (id, entity, number, entity_version, data, title, version, created_at, updated_at)
           values (?::uuid, 'ticket', nextval(opora_number_sequence('ticket')::regclass), 1, '{}', '', 1, now(), now())`,
          [taken!.id],
          tx,
        ),
      ),
    ).rejects.toThrow();
    expect((await create('ticket', 'После')).json().number).toBe(before + 2);
  });

  it('carries the old counters and the highest numbers used into the sequences (the migration)', async () => {
    const sequenceOf = async (entity: string) =>
      (
        await h.db.query<{ n: string }>('select nextval(opora_number_sequence(?)::regclass) as n', [entity])
      )[0]!.n;
    await h.db
      .transaction(async (tx) => {
        await h.db.query(
          'create table record_counter (entity text primary key, last_number bigint not null)',
          [],
          tx,
        );
        await h.db.query(`insert into record_counter values ('legacy-counted', 41)`, [], tx);
        await h.db.query(
          `insert into record (id, entity, number, entity_version, data, title, version, created_at, updated_at)
           values (gen_random_uuid(), 'legacy-stored', 7, 1, '{}', '', 1, now(), now())`,
          [],
          tx,
        );
        await h.db.query(numberSequencesFromCounters, [], tx);
        const next = await h.db.query<{ counted: string; stored: string }>(
          `select nextval(opora_number_sequence('legacy-counted')::regclass) as counted,
                  nextval(opora_number_sequence('legacy-stored')::regclass) as stored`,
          [],
          tx,
        );
        expect(next[0]).toEqual({ counted: '42', stored: '8' });
        throw new Error('rolled back on purpose');
      })
      .catch((error: Error) => expect(error.message).toBe('rolled back on purpose'));
    // The published types keep their place.
    const last = await h.db.query<{ n: string }>(
      `select max(number) as n from record where entity = 'ticket'`,
    );
    expect(Number(await sequenceOf('ticket'))).toBeGreaterThan(Number(last[0]!.n));
  });
});
