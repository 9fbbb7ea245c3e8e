import { performance } from 'node:perf_hooks';
import type { EntityBody } from '@opora/runtime/definitions';
import type { Harness } from '@opora/server/testing/test-app';
import { clientVariants, requestVariants, type Variant } from './scale-corpus.js';

/** Who the seeded rows say created and changed them (record columns and audit rows), as an operator would. */
export interface SeedActor {
  id: string;
  name: string;
}

export interface SeedReport {
  requests: number;
  clients: number;
  /** Rows written, by table. */
  rows: Record<string, number>;
  insertSeconds: number;
  analyzeSeconds: number;
}

const batchSize = 50_000;
/** The seeded requests were opened over the last three years, in the order of their numbers. */
const spanSeconds = 3 * 365 * 24 * 3600;

/**
 * Seeds `requests` requests of the support-desk template (and one client card per hundred of them) in multi-row
 * INSERT … SELECT statements over generate_series, one statement per batch writing every row a create through the
 * API writes: the record (number, title, search text — its tsvector is a generated column), its audit rows (the
 * create, and the last status change for a request past «Новое»), and the request's thread (a portal contact
 * and conversation). Run on a database that has the template and nothing else seeded.
 */
export async function seedScale(
  h: Harness,
  requests: number,
  actor: SeedActor,
  log: (line: string) => void,
): Promise<SeedReport> {
  const clients = Math.max(10, Math.round(requests / 100));
  const started = performance.now();
  const request = await published(h, 'request');
  const client = await published(h, 'client');
  const requestKinds = await loadVariants(h, 'scale_request_variant', requestVariants(request.body));
  const clientKinds = await loadVariants(h, 'scale_client_variant', clientVariants(client.body));
  const companies = (
    await h.db.query<{ id: string }>(
      "select id from record where entity = 'company' and deleted_at is null order by number",
    )
  ).map((r) => r.id);
  const firstClient = await nextNumber(h, 'client');
  await h.db.query(`create table scale_client (i integer primary key, id uuid not null, company uuid)`);
  for (let from = 0; from < clients; from += batchSize)
    await seedClients(h, {
      from,
      to: Math.min(clients, from + batchSize) - 1,
      variants: clientKinds,
      firstClient,
      companies,
      client,
      actor,
      clients,
      requests,
    });
  await usedNumbers(h, 'client', firstClient + clients - 1);
  log(`  ${clients.toLocaleString('en')} clients in ${seconds(started)} s`);

  const firstRequest = await nextNumber(h, 'request');
  for (let from = 0; from < requests; from += batchSize) {
    await seedRequests(h, {
      from,
      to: Math.min(requests, from + batchSize) - 1,
      variants: requestKinds,
      firstRequest,
      request,
      actor,
      clients,
      requests,
    });
    if ((from / batchSize) % 4 === 3 || from + batchSize >= requests)
      log(`  ${Math.min(requests, from + batchSize).toLocaleString('en')} requests, ${seconds(started)} s`);
  }
  await usedNumbers(h, 'request', firstRequest + requests - 1);
  await h.db.query('drop table scale_request_variant, scale_client_variant, scale_client');
  const insertSeconds = Number(seconds(started));
  // What autovacuum would do after such a load: the planner needs the tables' statistics.
  const analyzing = performance.now();
  await h.db.query('vacuum analyze record, audit_log, contact, conversation');
  const analyzeSeconds = Number(seconds(analyzing));
  const rows: Record<string, number> = {};
  for (const table of ['record', 'audit_log', 'contact', 'conversation'])
    rows[table] = Number((await h.db.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
  return { requests, clients, rows, insertSeconds, analyzeSeconds };
}

interface Published {
  version: number;
  body: EntityBody;
}

interface Batch {
  /** First and last row of the batch (0-based, inclusive). */
  from: number;
  to: number;
  /** How many variants the rows pick from. */
  variants: number;
  actor: SeedActor;
  clients: number;
  requests: number;
}

async function published(h: Harness, key: string): Promise<Published> {
  const found = await h.app.definitions.latestPublished('entity', key);
  if (!found) throw new Error(`the template has no published ${key} type`);
  return { version: found.version, body: found.body as EntityBody };
}

/** The first number the seed gives a type's records: taken from the type's sequence like a create's. */
async function nextNumber(h: Harness, entity: string): Promise<number> {
  const [row] = await h.db.query<{ n: string }>('select nextval(opora_number_sequence(?)::regclass) as n', [
    entity,
  ]);
  return Number(row!.n);
}

/** Moves the type's sequence past the numbers the seed wrote, so creates after it continue from there. */
async function usedNumbers(h: Harness, entity: string, last: number): Promise<void> {
  await h.db.query('select setval(opora_number_sequence(?)::regclass, ?)', [entity, last]);
}

async function loadVariants(h: Harness, table: string, variants: Variant[]): Promise<number> {
  await h.db.query(
    `create table ${table} (i integer primary key, data jsonb not null, title text not null,
       search_text text not null, previous_status text)`,
  );
  await h.db.query(
    `insert into ${table} select * from jsonb_to_recordset(?::jsonb)
       as x(i integer, data jsonb, title text, search_text text, previous_status text)`,
    [
      JSON.stringify(
        variants.map((v) => ({
          i: v.i,
          data: v.data,
          title: v.title,
          search_text: v.searchText,
          previous_status: v.previousStatus,
        })),
      ),
    ],
  );
  return variants.length;
}

/**
 * A pseudo-random but repeatable pick per row: the multiplicative hash spreads consecutive numbers over the
 * variants, so neighbours in time differ in topic, status and priority.
 */
const pick = (g: string, count: number): string => `((${g}::bigint * 2654435761) % 4294967296) % ${count}`;

async function seedClients(
  h: Harness,
  b: Batch & { firstClient: number; companies: string[]; client: Published },
): Promise<void> {
  const companies = `array[${b.companies.map(() => '?::uuid').join(', ')}]::uuid[]`;
  // Clients were met before their requests: their cards date from the first days of the span.
  await h.db.query(
    `with b as materialized (
       select g, gen_random_uuid() as id,
              (${companies})[1 + g % ${b.companies.length + 1}] as company,
              replace(v.data::text, '{n}', (g + 1)::text)::jsonb as data, v.title,
              replace(v.search_text, '{n}', (g + 1)::text) as search_text,
              now() - make_interval(secs => ${spanSeconds}) + make_interval(secs => g * 60) as at
         from generate_series(?::integer, ?::integer) g
         join scale_client_variant v on v.i = ${pick('g', b.variants)}),
     c as (insert into scale_client select g, id, company from b),
     r as (
       insert into record (id, entity, number, entity_version, data, title, search_text, version, created_at,
                           updated_at, created_by, created_by_id, updated_by)
       select id, 'client', ? + g, ?,
              case when company is null then data else data || jsonb_build_object('company', company) end,
              title, search_text, 1, at, at, ?, ?::uuid, ? from b)
     insert into audit_log (at, actor_id, actor_name, action, target_type, target_id, entity, before, after)
     select at, ?, ?, 'create', 'record', id::text, 'client', null,
            case when company is null then data else data || jsonb_build_object('company', company) end
       from b`,
    [
      ...b.companies,
      b.from,
      b.to,
      b.firstClient,
      b.client.version,
      b.actor.name,
      b.actor.id,
      b.actor.name,
      b.actor.id,
      b.actor.name,
    ],
  );
}

async function seedRequests(
  h: Harness,
  b: Batch & { firstRequest: number; request: Published },
): Promise<void> {
  await h.db.query(
    `with b as materialized (
       select g, ? + g as number, gen_random_uuid() as id, gen_random_uuid() as contact_id,
              gen_random_uuid() as conversation_id, v.previous_status, sc.id as client, sc.company,
              replace(v.data::text, '{n}', (100000 + g % 900000)::text)::jsonb
                || jsonb_build_object('client', sc.id)
                || case when sc.company is null then '{}'::jsonb else jsonb_build_object('company', sc.company) end
                as data,
              replace(v.title, '{n}', (100000 + g % 900000)::text) as title,
              replace(v.search_text, '{n}', (100000 + g % 900000)::text) as search_text,
              now() - make_interval(secs => ${spanSeconds}) + make_interval(secs => (g::float8 * ${spanSeconds} / ?)) as at
         from generate_series(?::integer, ?::integer) g
         join scale_request_variant v on v.i = ${pick('g', b.variants)}
         join scale_client sc on sc.i = ${pick('g + 7', b.clients)}),
     r as (
       insert into record (id, entity, number, entity_version, data, title, search_text, version, created_at,
                           updated_at, created_by, created_by_id, updated_by)
       select id, 'request', number, ?, data, title, search_text,
              case when previous_status is null then 1 else 2 end, at,
              case when previous_status is null then at else at + interval '5 hours' end, ?, ?::uuid, ? from b),
     created as (
       insert into audit_log (at, actor_id, actor_name, action, target_type, target_id, entity, before, after)
       select at, ?, ?, 'create', 'record', id::text, 'request', null, jsonb_set(data, '{status}', '"new"') from b),
     changed as (
       insert into audit_log (at, actor_id, actor_name, action, target_type, target_id, entity, before, after)
       select at + interval '5 hours', ?, ?, 'update', 'record', id::text, 'request',
              jsonb_set(data, '{status}', to_jsonb(previous_status)), data
         from b where previous_status is not null),
     contact as (
       insert into contact (id, channel, channel_key, external_id, display_name, email, client_record_id,
                            created_at, updated_at)
       select contact_id, 'portal', 'portal', 'request:' || id, null, null, client, at, at from b)
     insert into conversation (id, channel, channel_key, contact_id, client_record_id, request_record_id, subject,
                               status, handler, opened_at, last_message_at)
     select conversation_id, 'portal', 'portal', contact_id, client, id, left('№' || number || ' ' || title, 300),
            'open', 'queue', at, at from b`,
    [
      b.firstRequest,
      b.requests,
      b.from,
      b.to,
      b.request.version,
      b.actor.name,
      b.actor.id,
      b.actor.name,
      b.actor.id,
      b.actor.name,
      b.actor.id,
      b.actor.name,
    ],
  );
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
