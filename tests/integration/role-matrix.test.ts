import { definitionKinds } from '@opora/runtime/definitions';
import { definitionRights, type Role, roles } from '@opora/sdk';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Operation {
  method: string;
  path: string;
  access: 'public' | 'authenticated' | Role[];
}

const sample: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  entity: 'ticket',
  kind: 'entity',
  key: 'ticket',
  version: '1',
};

/** Walks every operation of the OpenAPI document as anonymous and as each role, checking 401/403 against x-roles. */
describe('role × route matrix from the OpenAPI document', () => {
  let h: Harness;
  let operations: Operation[];

  beforeAll(async () => {
    h = await createHarness({ name: 'pglite' });
    const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { 'x-roles'?: Operation['access'] }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        access: op['x-roles']!,
      })),
    );
  });
  afterAll(() => h.close());

  it('documents who may call every API operation', () => {
    const api = operations.filter((op) => op.path.startsWith('/api/v1'));
    expect(api.length).toBeGreaterThan(20);
    for (const op of api) expect(op.access, `${op.method} ${op.path}`).toBeDefined();
  });

  it('answers 401 to anonymous callers of protected routes and 403 to callers without the role', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.path.startsWith('/api/v1'))) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => sample[name] ?? 'x');
      const payload = ['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined;
      for (const role of [undefined, ...roles]) {
        const headers = role ? await h.tokenFor(role) : {};
        const res = await h.app.inject({
          method: op.method as 'GET',
          url,
          headers,
          ...(payload ? { payload } : {}),
        });
        const expected = expectedStatus(op.access, role);
        const ok =
          expected === 'allowed'
            ? ![401, 403].includes(res.statusCode) && res.statusCode < 500
            : res.statusCode === expected;
        if (!ok)
          failures.push(
            `${op.method} ${op.path} as ${role ?? 'anonymous'}: got ${res.statusCode}, expected ${expected}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets each role write exactly the definition kinds the rights table gives it, whatever the route lets in', async () => {
    const failures: string[] = [];
    for (const kind of definitionKinds)
      for (const role of roles) {
        // An empty body: refused for rights (403) before it is validated (400), so nothing is created.
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/v1/definitions',
          headers: await h.tokenFor(role),
          payload: { kind, key: `matrix-${kind}`, name: kind, body: {} },
        });
        const designer = ['admin', 'analyst', 'developer'].includes(role);
        const expected = designer && definitionRights[kind].write.includes(role) ? 400 : 403;
        if (res.statusCode !== expected)
          failures.push(`write ${kind} as ${role}: got ${res.statusCode}, expected ${expected}`);
      }
    expect(failures).toEqual([]);
  });
});

function expectedStatus(access: Operation['access'], role: Role | undefined): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (!role) return 401;
  if (access === 'authenticated') return 'allowed';
  return access.includes(role) ? 'allowed' : 403;
}
