import { readFile } from 'node:fs/promises';
import { startHttpFixture } from '@opora/server/testing/http-fixture';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const examples = new URL('../../examples/scripts/', import.meta.url);
const read = async (path: string) => readFile(new URL(path, examples), 'utf8');

describe('example scripts against local HTTP servers', () => {
  let h: Harness;
  let admin: Record<string, string>;
  let operator: Record<string, string>;
  let external: Awaited<ReturnType<typeof startHttpFixture>>;

  const api = async (method: string, url: string, headers: Record<string, string>, payload?: object) => {
    const res = await h.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, json: res.json() };
  };

  async function publishFrom(definition: { kind: string; key: string; name: string; body: object }) {
    const created = await api('POST', '/api/v1/definitions', admin, definition);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const published = await api('POST', `/api/v1/definitions/${created.json.id}/publish`, admin, {
      draftVersion: 1,
    });
    expect(published.status, JSON.stringify(published.json)).toBe(201);
  }

  /** The example integration, pointed at the local stand-in (an administrator allows its loopback address). */
  async function publishIntegration(path: string, localBase: string) {
    const definition = JSON.parse(await read(path));
    definition.body.baseUrl = `${external.url}${localBase}`;
    definition.body.allowedHosts = ['127.0.0.1'];
    definition.body.allowedAddresses = ['127.0.0.1'];
    await publishFrom(definition);
  }

  async function publishScript(key: string, path: string, integration: string) {
    await publishFrom({
      kind: 'script',
      key,
      name: key,
      body: {
        schemaVersion: 1,
        language: 'typescript',
        source: await read(path),
        integrations: [integration],
      },
    });
  }

  async function newRequest(clientEmail: string) {
    const clients = await api('GET', `/api/v1/records/client?filter=email:eq:${clientEmail}`, operator);
    const client = clients.json.items[0];
    const created = await api('POST', '/api/v1/records/request', operator, {
      data: { subject: 'Не проходит оплата', description: 'Карта отклоняется.', client: client.id },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    return created.json;
  }

  beforeAll(async () => {
    external = await startHttpFixture((req) => {
      if (req.url.startsWith('/crm/clients?')) {
        if (req.headers.authorization !== 'Bearer crm-secret-token') return { status: 401, json: {} };
        const email = new URL(req.url, 'http://x').searchParams.get('email');
        return email === 'm.ivanova@romashka.example'
          ? { json: { items: [{ id: 'CRM-1042', tier: 'gold', manager: 'Петров А.' }] } }
          : { json: { items: [] } };
      }
      if (req.url === '/calendar/holidays/2026') return { json: { holidays: ['2026-11-04', '2026-12-31'] } };
      return { status: 404, json: {} };
    });
    h = await createHarness({ name: 'pglite' }, { secretsKey: 'examples-secrets-key-000' });
    await h.app.bundles.import(
      JSON.parse(
        await readFile(new URL('../../templates/support-desk/bundle.json', import.meta.url), 'utf8'),
      ),
      null,
      'ru',
    );
    admin = await h.as('admin');
    operator = await h.as('operator');
    expect((await api('PUT', '/api/v1/secrets/crm_token', admin, { value: 'crm-secret-token' })).status).toBe(
      200,
    );
    await publishIntegration('crm-lookup/integration.json', '/crm');
    await publishIntegration('sla-deadline/integration.json', '/calendar');
    await publishScript('crm_lookup', 'crm-lookup/script.ts', 'crm');
    await publishScript('sla_deadline', 'sla-deadline/script.ts', 'calendar');
  });
  afterAll(async () => {
    await h.close();
    await external.close();
  });

  it('crm-lookup finds the client in the CRM and updates the request', async () => {
    const request = await newRequest('m.ivanova@romashka.example');
    const run = await api('POST', '/api/v1/scripts/crm_lookup/run', operator, {
      input: { requestId: request.id },
    });
    expect(run.json).toMatchObject({
      ok: true,
      output: { found: true, crmId: 'CRM-1042', tier: 'gold', priority: 'high' },
    });
    const after = await api('GET', `/api/v1/records/request/${request.id}`, operator);
    expect(after.json.data.priority).toBe('high');
    expect(after.json.data.description).toContain('CRM: клиент CRM-1042, уровень gold, менеджер Петров А.');
  });

  it('crm-lookup leaves a request alone when the CRM does not know the client', async () => {
    const clients = await api('GET', '/api/v1/records/client?limit=50', operator);
    const other = clients.json.items.find(
      (c: { data: { email?: string } }) => c.data.email && c.data.email !== 'm.ivanova@romashka.example',
    );
    const request = await newRequest(other.data.email);
    const run = await api('POST', '/api/v1/scripts/crm_lookup/run', operator, {
      input: { requestId: request.id },
    });
    expect(run.json).toMatchObject({ ok: true, output: { found: false, reason: 'not in the CRM' } });
    expect(run.json.logs[0].message).toContain('not in the CRM');
  });

  it('sla-deadline counts business hours over a weekend and a holiday and sets dueAt', async () => {
    const request = await newRequest('m.ivanova@romashka.example');
    // Tuesday 3 November 2026, 16:00 Moscow time; 4 November is a public holiday.
    const run = await api('POST', '/api/v1/scripts/sla_deadline/run', operator, {
      input: { requestId: request.id, hours: 8, start: '2026-11-03T13:00:00.000Z' },
    });
    // 2 h on Tuesday, none on Wednesday (holiday), 6 h on Thursday from 9:00 → Thursday 15:00 MSK = 12:00 UTC.
    expect(run.json).toMatchObject({
      ok: true,
      output: { dueAt: '2026-11-05T12:00:00.000Z', holidaysConsidered: 2 },
    });
    const after = await api('GET', `/api/v1/records/request/${request.id}`, operator);
    expect(after.json.data.dueAt).toBe('2026-11-05T12:00:00.000Z');

    const friday = await api('POST', '/api/v1/scripts/sla_deadline/run', operator, {
      input: { requestId: request.id, hours: 4, start: '2026-11-06T14:00:00.000Z' },
    });
    // Friday 17:00 MSK: 1 h on Friday, then Monday 9:00 + 3 h = Monday 12:00 MSK = 09:00 UTC.
    expect(friday.json.output.dueAt).toBe('2026-11-09T09:00:00.000Z');
  });

  it('records every run', async () => {
    const runs = await api('GET', '/api/v1/scripts/runs?limit=10', admin);
    expect(runs.json.total).toBe(4);
    expect(runs.json.items.map((r: { outcome: string }) => r.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });
});
