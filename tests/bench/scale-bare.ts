import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Harness } from '@opora/server/testing/test-app';
import type { DatabaseTarget } from '@opora/server/testing/test-database';
import Fastify from 'fastify';
import pg from 'pg';

/** The baselines' server: plain fastify routes running the least SQL each figure needs, no auth, no ORM. */
export interface BareServer {
  origin: string;
  close(): Promise<void>;
}

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
/** Runs fn's statements in one transaction on one connection. */
type Transaction = (fn: (query: Query) => Promise<void>) => Promise<void>;

const columns =
  'id, entity, number, entity_version, data, title, version, created_at, updated_at, created_by, updated_by';
const live = "entity = 'request' and deleted_at is null";

/**
 * On PostgreSQL a `pg` pool as large as the app's (10) on the same database; on PGlite, which serves one
 * connection, the app's own connection through `db.query`.
 */
export async function startBareServer(h: Harness, target: DatabaseTarget): Promise<BareServer> {
  const { query, transaction, end } = await bareQuery(h, target);
  await h.db.query('create table if not exists bench_row (id uuid primary key, data jsonb not null)');
  const app = Fastify({ logger: false });
  app.post<{ Body: { data: unknown } }>('/insert', async (request, reply) => {
    await query('insert into bench_row (id, data) values (?, ?)', [
      randomUUID(),
      JSON.stringify(request.body.data),
    ]);
    return reply.status(201).send({ ok: true });
  });
  // What a request's create must write, and nothing else (no session, no validation, no listeners): its number,
  // the record and its audit row in one statement, its thread in another, in one transaction.
  app.post<{ Body: { data: { subject: string; client: string } } }>(
    '/create-shape',
    async (request, reply) => {
      const { data } = request.body;
      const id = randomUUID();
      const now = new Date();
      await transaction(async (tx) => {
        await tx(
          `with inserted as (
           insert into record (id, entity, number, entity_version, data, title, search_text, version, created_at,
             updated_at)
           values (?::uuid, 'request', nextval(opora_number_sequence('request')::regclass), 1, ?::jsonb, ?, ?, 1,
             ?::timestamptz, ?::timestamptz)
           returning id, data
         )
         insert into audit_log (at, action, target_type, target_id, entity, after)
         select ?::timestamptz, 'create', 'record', id::text, 'request', data from inserted`,
          [id, JSON.stringify(data), data.subject, data.subject, now, now, now],
        );
        await tx(
          `with thread_contact as (
           insert into contact (id, channel, channel_key, external_id, client_record_id, created_at, updated_at)
           values (?::uuid, 'portal', 'portal', ?, ?::uuid, ?::timestamptz, ?::timestamptz)
           on conflict (channel_key, external_id) do update set updated_at = excluded.updated_at returning id)
         insert into conversation (id, channel, channel_key, contact_id, client_record_id, request_record_id,
           subject, status, handler, opened_at, last_message_at)
         select ?::uuid, 'portal', 'portal', thread_contact.id, ?::uuid, ?::uuid, ?, 'open', 'queue',
           ?::timestamptz, ?::timestamptz from thread_contact`,
          [
            randomUUID(),
            `request:${id}`,
            data.client,
            now,
            now,
            randomUUID(),
            data.client,
            id,
            data.subject,
            now,
            now,
          ],
        );
      });
      return reply.status(201).send({ id });
    },
  );
  // A page by date with a status filter, without counting the table; keyset when after (date + id) is given.
  app.get<{ Querystring: { status: string; offset?: string; at?: string; id?: string } }>(
    '/list',
    async (request) => {
      const { status, offset, at, id } = request.query;
      const keyset = at && id ? 'and (created_at, id) < (?::timestamptz, ?::uuid)' : '';
      return query(
        `select ${columns} from record where ${live} and data->>'status' = ? ${keyset}
         order by created_at desc, id desc limit 50 offset ?`,
        [status, ...(keyset ? [at, id] : []), Number(offset ?? 0)],
      );
    },
  );
  // A card: the record, its last ten history rows, its thread.
  app.get<{ Params: { id: string } }>('/card/:id', async (request) => {
    const { id } = request.params;
    const [record] = await query(`select ${columns} from record where id = ? and deleted_at is null`, [id]);
    const history = await query(
      `select * from audit_log where target_type = 'record' and target_id = ? order by id desc limit 10`,
      [id],
    );
    const thread = await query(
      `select * from conversation where request_record_id = ? and channel = 'portal'`,
      [id],
    );
    return { record, history, thread };
  });
  // A client's newest requests (what the card's related list shows), without the count.
  app.get<{ Params: { id: string } }>('/related/:id', async (request) =>
    query(
      `select ${columns} from record where ${live} and data->>'client' = ? order by created_at desc, id limit 5`,
      [request.params.id],
    ),
  );
  // Full-text search ranked as the API ranks it, without the count.
  app.get<{ Querystring: { q: string } }>('/search', async (request) =>
    query(
      `select ${columns} from record where ${live} and search @@ websearch_to_tsquery('russian', ?)
       order by ts_rank(search, websearch_to_tsquery('russian', ?)) desc, created_at desc, id limit 50`,
      [request.query.q, request.query.q],
    ),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await end();
      await h.db.query('drop table if exists bench_row');
    },
  };
}

async function bareQuery(
  h: Harness,
  target: DatabaseTarget,
): Promise<{ query: Query; transaction: Transaction; end(): Promise<void> }> {
  if (!target.url)
    return {
      query: (sql, params) => h.db.query(sql, params),
      transaction: (fn) => h.db.transaction((em) => fn((sql, params) => h.db.query(sql, params, em))),
      end: async () => undefined,
    };
  const [row] = await h.db.query<{ name: string }>('select current_database() as name');
  const url = new URL(target.url);
  url.pathname = `/${row!.name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  const on =
    (client: pg.Pool | pg.PoolClient): Query =>
    async (sql, params) => {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows;
    };
  return {
    query: on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await fn(on(client));
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    end: () => pool.end(),
  };
}
