import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketEntity } from '../../testing/fixtures.js';
import { startHttpFixture } from '../../testing/http-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { SecretCipher } from '../secrets/secret-cipher.js';
import { SecretService } from '../secrets/secret-service.js';

const token = 'crm-token-5f1d9a7c';
const reverse = (text: string) => [...text].reverse().join('');
const rot13 = (text: string) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
/** How a hostile or careless external system might send a secret back. */
const transformed = (value: string) => ({
  reversed: reverse(value),
  hex: Buffer.from(value).toString('hex'),
  base64: Buffer.from(value).toString('base64'),
  upper: value.toUpperCase(),
  inBase64: Buffer.from(`token=${value}`).toString('base64'),
  rot13: rot13(value),
});

describe.each(databaseTargets)(
  'integrations, secrets, HTTP step and published scripts on $name',
  (target) => {
    let h: Harness;
    let admin: Record<string, string>;
    let developer: Record<string, string>;
    let crm: Awaited<ReturnType<typeof startHttpFixture>>;

    const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
      h.app.inject({ method: method as 'GET', url, headers, ...(payload ? { payload } : {}) });

    async function publish(kind: string, key: string, body: object, headers = admin) {
      const created = await call('POST', '/api/v1/definitions', headers, { kind, key, name: key, body });
      if (created.statusCode !== 201) return created;
      return call('POST', `/api/v1/definitions/${created.json().id}/publish`, headers, { draftVersion: 1 });
    }

    beforeAll(async () => {
      crm = await startHttpFixture((req) => {
        if (req.url.startsWith('/api/clients'))
          return { json: { items: [{ id: 'c-7', name: 'ООО «Ромашка»', tier: 'gold' }] } };
        if (req.url.startsWith('/api/transform'))
          return { json: transformed(String(req.headers.authorization).replace(/^Bearer /, '')) };
        if (req.url.startsWith('/api/echo'))
          return {
            json: { youSent: req.headers.authorization, body: req.body, header: req.headers['x-key'] },
          };
        return { status: 404, json: { error: 'no route' } };
      });
      h = await createHarness(target, { secretsKey: 'test-secrets-key-0123456789' });
      admin = await h.as('admin');
      developer = await h.as('developer');
      expect((await publish('entity', 'ticket', ticketEntity)).statusCode).toBe(201);
      expect(
        (await call('PUT', '/api/v1/secrets/crm_token', admin, { value: token, description: 'CRM' }))
          .statusCode,
      ).toBe(200);
      expect(
        (await call('PUT', '/api/v1/secrets/other_token', admin, { value: 'other-secret-value' })).statusCode,
      ).toBe(200);
      const integration = {
        schemaVersion: 1,
        baseUrl: `${crm.url}/api`,
        allowedHosts: ['127.0.0.1'],
        allowedAddresses: ['127.0.0.1'],
        auth: { type: 'bearer', secret: 'crm_token' },
        secrets: ['crm_token'],
        timeoutMs: 5000,
      };
      expect((await publish('integration', 'crm', integration)).statusCode).toBe(201);
      expect(
        (await publish('integration', 'crm_trusting', { ...integration, secretEcho: 'allow' })).statusCode,
      ).toBe(201);
      const { allowedAddresses: _, ...withoutAllowance } = integration;
      expect((await publish('integration', 'crm_public_only', withoutAllowance)).statusCode).toBe(201);
    });
    afterAll(async () => {
      await h.close();
      await crm.close();
    });

    it('keeps secrets write-only and encrypted at rest', async () => {
      const list = await call('GET', '/api/v1/secrets', developer);
      expect(list.json().items.map((s: { name: string }) => s.name)).toEqual(['crm_token', 'other_token']);
      expect(list.body).not.toContain(token);
      const [row] = await h.db.query<{ cipher: string }>(
        "select cipher from secret where name = 'crm_token'",
      );
      expect(row?.cipher).not.toContain(token);
      expect((await call('PUT', '/api/v1/secrets/x_token', developer, { value: 'x' })).statusCode).toBe(403);
      expect((await call('PUT', '/api/v1/secrets/Bad-Name', admin, { value: 'x' })).statusCode).toBe(400);
    });

    it('refuses to start without the key, or with another key, once secrets exist', async () => {
      await expect(new SecretService(h.db, undefined).verifyKey()).rejects.toThrow(
        /OPORA_SECRETS_KEY is not set/,
      );
      await expect(
        new SecretService(h.db, SecretCipher.fromPassphrase('another-key-entirely-000')).verifyKey(),
      ).rejects.toThrow(/not the key it was stored with/);
      await expect(
        new SecretService(h.db, SecretCipher.fromPassphrase('test-secrets-key-0123456789')).verifyKey(),
      ).resolves.toBeUndefined();
    });

    it('lets only administrators change integrations', async () => {
      const analyst = await h.as('analyst');
      const res = await publish(
        'integration',
        'sneaky',
        {
          schemaVersion: 1,
          baseUrl: 'http://127.0.0.1/',
          allowedHosts: ['127.0.0.1'],
          allowedAddresses: ['127.0.0.1'],
        },
        analyst,
      );
      expect(res.statusCode).toBe(403);
      const bad = await publish('integration', 'mismatch', {
        schemaVersion: 1,
        baseUrl: 'https://crm.example.com/',
        allowedHosts: ['other.example.com'],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].pointer).toBe('/body/baseUrl');
    });

    it('runs the no-code HTTP step: templates, secret injected, response mapped', async () => {
      const res = await call('POST', '/api/v1/integrations/http-step/run', developer, {
        step: {
          integration: 'crm',
          method: 'GET',
          path: '/clients',
          query: { email: '{{client.email}}' },
          response: [
            { variable: 'crmId', pointer: '/items/0/id' },
            { variable: 'tier', pointer: '/items/0/tier' },
          ],
          statusVariable: 'status',
        },
        variables: { client: { email: 'ivanov@romashka.ru' } },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 200,
        variables: { crmId: 'c-7', tier: 'gold', status: 200 },
        missing: [],
      });
      const seen = crm.seen.at(-1)!;
      expect(seen.url).toBe('/api/clients?email=ivanov%40romashka.ru');
      expect(seen.headers.authorization).toBe(`Bearer ${token}`);
    });

    it('masks secret values an external system echoes back', async () => {
      const res = await call('POST', '/api/v1/integrations/http-step/run', developer, {
        step: {
          integration: 'crm',
          method: 'POST',
          path: '/echo',
          headers: { 'X-Key': '{{secret:crm_token}}' },
          body: { token: '{{secret:crm_token}}' },
          response: [{ variable: 'echo', pointer: '' }],
        },
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(token);
      expect(res.json().variables.echo.youSent).toBe('Bearer ********');
      expect(crm.seen.at(-1)!.headers['x-key']).toBe(token);
    });

    it('refuses a loopback address unless the integration allows it, and secrets it may not carry', async () => {
      const blocked = await call('POST', '/api/v1/integrations/http-step/run', developer, {
        step: { integration: 'crm_public_only', method: 'GET', path: '/clients' },
      });
      expect(blocked.statusCode).toBe(422);
      // In the caller's language throughout, not an English reason inside a Russian sentence.
      expect(blocked.json().error.message).toMatch(
        /^Запрос к интеграции не выполнен: HTTP-запрос отклонён: .* не разрешённые на порту \d+: 127\.0\.0\.1 \(loopback\)/,
      );
      const foreign = await call('POST', '/api/v1/integrations/http-step/run', developer, {
        step: {
          integration: 'crm',
          method: 'GET',
          path: '/clients',
          headers: { 'X-Key': '{{secret:other_token}}' },
        },
      });
      expect(foreign.statusCode).toBe(422);
      expect(foreign.json().error.message).toBe(
        'Запрос к интеграции не выполнен: секрет «other_token» нельзя отправлять интеграции «crm»',
      );
    });

    it('publishes a script only when it type-checks, and runs it from the stored build', async () => {
      const source = (
        body: string,
      ) => `export default async function run(ctx: ScriptContext<{ id: string }>) {
${body}
}`;
      const draft = {
        schemaVersion: 1,
        language: 'typescript',
        integrations: ['crm'],
        inputSchema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        outputSchema: { type: 'object', required: ['tier'] },
        source: source(`  const answer = await ctx.http.fetch('crm', '/clients');
  const tier: number = answer.json().items[0].tier;
  return { tier };`),
      };
      const created = await call('POST', '/api/v1/definitions', developer, {
        kind: 'script',
        key: 'crm_tier',
        name: 'CRM tier',
        body: { ...draft, source: source('  const n: number = "x";\n  return { tier: ctx.input.missing };') },
      });
      const refused = await call('POST', `/api/v1/definitions/${created.json().id}/publish`, developer, {
        draftVersion: 1,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.details.map((d: { message: string }) => d.message.split(' ')[0])).toEqual([
        '2:9',
        '3:28',
      ]);
      await call('PUT', `/api/v1/definitions/${created.json().id}`, developer, {
        name: 'CRM tier',
        draftVersion: 1,
        body: draft,
      });
      const published = await call('POST', `/api/v1/definitions/${created.json().id}/publish`, developer, {
        draftVersion: 2,
      });
      expect(published.statusCode).toBe(201);
      const builds = await h.db.query<{ version: number }>('select version from script_build');
      expect(builds).toEqual([{ version: 1 }]);

      const operator = await h.as('operator');
      const run = await call('POST', '/api/v1/scripts/crm_tier/run', operator, { input: { id: 'r-1' } });
      expect(run.statusCode).toBe(200);
      expect(run.json()).toMatchObject({ ok: true, output: { tier: 'gold' }, version: 1, sdkCalls: 1 });

      const badInput = await call('POST', '/api/v1/scripts/crm_tier/run', operator, { input: {} });
      expect(badInput.statusCode).toBe(400);
      expect(badInput.json().error.details[0].pointer).toBe('/input/id');

      const runs = await call('GET', '/api/v1/scripts/runs?script=crm_tier', developer);
      expect(runs.json()).toMatchObject({
        total: 1,
        items: [{ outcome: 'ok', trigger: 'api', triggeredBy: 'Test operator' }],
      });
      const one = await call('GET', `/api/v1/scripts/runs/${run.json().runId}`, developer);
      expect(one.json().version).toBe(1);
      expect((await call('GET', '/api/v1/scripts/runs', operator)).statusCode).toBe(403);
      expect((await call('POST', '/api/v1/scripts/nope/run', operator, {})).statusCode).toBe(404);
    });

    it('gives a script no way to read a secret or reach an undeclared integration', async () => {
      const res = await call('POST', '/api/v1/scripts/test-run', developer, {
        integrations: ['crm'],
        source: `export default async function run(ctx: ScriptContext) {
  const handle = ctx.secret('crm_token');
  const echoed = await ctx.http.fetch('crm', '/echo', { method: 'POST', body: { t: handle }, headers: { 'X-Key': handle } });
  let other = '';
  try { await ctx.http.fetch('crm_public_only', '/clients'); } catch (e) { other = (e as Error).message; }
  return { asText: String(handle), asJson: JSON.stringify(handle), echoed: echoed.text, other };
}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(token);
      expect(res.json().output).toMatchObject({
        asText: '[object Object]',
        asJson: '{"$secret":"crm_token"}',
        other: expect.stringContaining('не объявлена в этом скрипте'),
      });
      expect(res.json().output.echoed).toContain('********');
    });

    it('masks a secret the external system echoes transformed: in what a script sees, logs, returns and leaves in run records', async () => {
      const echoForms = Object.values(transformed(token)).filter((form) => form !== rot13(token));
      const source = `const rot13 = (text: string) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
export default async function run(ctx: ScriptContext) {
  const answer = await ctx.http.fetch('crm', '/transform');
  const echo = answer.json<Record<string, string>>();
  ctx.log.info('echo', answer.text);
  // A transform the mask does not know, undone by the script: the run's own output is masked too.
  const decoded = rot13(echo.rot13);
  ctx.log.info('decoded', decoded);
  return { echo, decoded, reversedBack: echo.reversed.split('').reverse().join('') };
}`;
      const seen = await call('POST', '/api/v1/scripts/test-run', developer, {
        integrations: ['crm'],
        source,
      });
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).toMatchObject({
        ok: true,
        output: { echo: { reversed: '********', hex: '********', base64: '********', upper: '********' } },
      });
      expect(seen.json().output.decoded).toBe('********');
      for (const form of [token, ...echoForms]) expect(seen.body).not.toContain(form);

      const created = await call('POST', '/api/v1/definitions', developer, {
        kind: 'script',
        key: 'echo_probe',
        name: 'Echo probe',
        body: { schemaVersion: 1, language: 'typescript', integrations: ['crm'], source },
      });
      const published = await call('POST', `/api/v1/definitions/${created.json().id}/publish`, developer, {
        draftVersion: 1,
      });
      expect(published.statusCode).toBe(201);
      const run = await call('POST', '/api/v1/scripts/echo_probe/run', await h.as('operator'), {});
      expect(run.json()).toMatchObject({ ok: true });
      const record = await call('GET', `/api/v1/scripts/runs/${run.json().runId}`, developer);
      expect(record.json().logs).toHaveLength(2);
      for (const form of [token, ...echoForms]) {
        expect(run.body).not.toContain(form);
        expect(record.body).not.toContain(form);
      }
    });

    it('passes echoes through unmasked only from an integration an administrator marked secretEcho: allow', async () => {
      const res = await call('POST', '/api/v1/scripts/test-run', developer, {
        integrations: ['crm_trusting'],
        source: `export default async (ctx) => (await ctx.http.fetch('crm_trusting', '/transform')).json()`,
      });
      expect(res.json()).toMatchObject({ ok: true, output: transformed(token) });
    });
  },
);
