import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { databaseTargets } from '@opora/server/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzWorld, type Identity } from './fuzz/fuzz-world.js';
import { type HostileRequest, hostileRequests, seedOf } from './fuzz/hostile-requests.js';
import { destructiveLast, isFuzzed, type Operation, operationsOf } from './fuzz/openapi-operations.js';
import { changedTables, type Snapshot, snapshot } from './fuzz/table-snapshot.js';

// Sampled hostile requests per operation, beside the ones every operation gets: enough to reach every kind of case
// over the run, few enough that the whole API is fuzzed in well under two minutes per database.
const sampledPerOperation = 6;

/**
 * Refused requests that may still change rows, and why. (Empty: a refusal, whatever its cause, leaves every table
 * as it was; session sign-ins made by the fuzzer itself happen between requests, not inside them.)
 */
const mayChangeRowsWhenRefused: { method: string; path: string; tables: string[]; why: string }[] = [];

/**
 * Reads the OpenAPI document and sends every write route (and every read with path parameters) hostile input:
 * NUL and lone surrogates in every string position, deep nesting, huge strings, wrong types, prototype keys,
 * unknown ids, bad path parameters, empty and non-JSON bodies. No answer may be a 5xx; every 4xx is in the API's
 * error shape; and a refused request changes no row of any table.
 */
describe.each(databaseTargets)('API fuzz on $name', (target) => {
  let h: Harness;
  let world: FuzzWorld;
  let operations: Operation[];

  beforeAll(async () => {
    h = await createHarness(target, { secretsKey: 'fuzz-secrets-key-that-is-long-enough' });
    world = await FuzzWorld.create(h);
    operations = operationsOf((await world.call('anonymous', 'GET', '/api/docs/json')).json())
      .filter(isFuzzed)
      .sort(destructiveLast);
  });
  afterAll(() => h?.close());

  it('notices a changed row (the check below would otherwise pass vacuously)', async () => {
    const before = await snapshot(h.db);
    // Unchanged rows whatever background transaction (a heartbeat, a job poll) took an id in between.
    expect(changedTables(before, await snapshot(h.db, before))).toEqual([]);
    await world.call('admin', 'POST', '/api/v1/tokens', { name: 'counted' });
    expect(changedTables(before, await snapshot(h.db, before))).toEqual(['api_token']);
  });

  it('answers hostile input with a 4xx in the error shape, never a 5xx, and refusals change nothing', {
    timeout: 300_000,
  }, async () => {
    const failures: string[] = [];
    let last: Snapshot | undefined;
    let sent = 0;
    for (const op of operations) {
      const params = await world.paramsOf(op);
      const body = await world.baseBody(op, params);
      for (const [i, identity] of callersOf(op).entries()) {
        const requests = hostileRequests(op, { params, body }, seedOf(op) + i, sampledPerOperation);
        // A public route's second caller gets the sampled part only: anonymous writes are limited to 30 a minute.
        for (const request of i === 0 ? requests : requests.slice(-sampledPerOperation)) {
          // Signing in (again) writes a session: done before the snapshot, so it is not taken for the request's.
          const headers = await world.as(identity);
          const before = await snapshot(h.db, last);
          const response = await send(world, headers, request);
          const after = await snapshot(h.db, before);
          last = after;
          sent++;
          const where = `${request.method} ${op.path} as ${identity}, ${request.label}`;
          const problem = judge(response, before, after, op);
          if (problem) failures.push(`${where}: ${problem}`);
          // A fuzzed call that ends the session (sign-out) must not end the run's: sign in again.
          if (response.statusCode === 401 && identity !== 'anonymous') world.forget(identity);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(500);
  });
});

/** Staff routes as the admin, client routes as a client, public routes as an anonymous visitor and the admin. */
function callersOf(op: Operation): Identity[] {
  if (op.access === 'public') return ['anonymous', 'admin'];
  if (op.access === 'authenticated' || op.access.includes('admin')) return ['admin'];
  return op.access.includes('client') ? ['client'] : [];
}

async function send(world: FuzzWorld, signedIn: Record<string, string>, request: HostileRequest) {
  const headers: Record<string, string> = { ...signedIn };
  if (request.contentType !== null && request.payload !== undefined)
    headers['content-type'] = request.contentType ?? 'application/json';
  return world.h.app.inject({
    method: request.method,
    url: request.url,
    headers,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
}

function judge(
  response: { statusCode: number; body: string },
  before: Snapshot,
  after: Snapshot,
  op: Operation,
): string | null {
  const { statusCode: status, body } = response;
  if (status >= 500) return `answered ${status}: ${body.slice(0, 300)}`;
  if (status < 400) return null;
  const shaped = errorShape(body);
  if (shaped) return `answered ${status} ${shaped}: ${body.slice(0, 300)}`;
  const allowed =
    mayChangeRowsWhenRefused.find((e) => e.method === op.method && e.path === op.path)?.tables ?? [];
  const changed = changedTables(before, after).filter((t) => !allowed.includes(t));
  return changed.length ? `refused with ${status} but changed rows of ${changed.join(', ')}` : null;
}

/** What is wrong with an error body, or null when it is `{ error: { code, message, details[] } }`. */
function errorShape(body: string): string | null {
  try {
    const { error } = JSON.parse(body) as {
      error?: { code?: unknown; message?: unknown; details?: unknown };
    };
    if (typeof error?.code !== 'string' || typeof error.message !== 'string' || !Array.isArray(error.details))
      return 'not in the error shape';
    if (/FST_|Error:/.test(body)) return 'naming framework internals';
    return null;
  } catch {
    return 'not JSON';
  }
}
