import { randomUUID } from 'node:crypto';
import { importTemplate } from '@opora/server/testing/template';
import { type Harness, login, testPassword } from '@opora/server/testing/test-app';
import type { Operation } from './openapi-operations.js';
import { sampleOf } from './schema-sample.js';

export type Identity = 'anonymous' | 'admin' | 'client';

/**
 * The support-desk template plus one of each thing the template lacks (a view, an announcement, a token, a secret,
 * a tree walk), so path parameters name real things and sample bodies reach the services behind the schemas.
 */
export class FuzzWorld {
  private readonly headers = new Map<Identity, Record<string, string>>();

  private constructor(readonly h: Harness) {}

  static async create(h: Harness): Promise<FuzzWorld> {
    await importTemplate(h);
    const world = new FuzzWorld(h);
    const call = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
      world.call('admin', method, url, payload);
    await call('POST', '/api/v1/views', {
      entity: 'request',
      name: 'Fuzz view',
      state: { columns: [], filters: [] },
    });
    await call('POST', '/api/v1/announcements', {
      title: 'Fuzz',
      body: '<p>Fuzz</p>',
      severity: 'info',
      startsAt: new Date().toISOString(),
    });
    await call('POST', '/api/v1/tokens', { name: 'fuzz' });
    await call('PUT', '/api/v1/secrets/fuzz_secret', { value: 'fuzz-secret-value' });
    await world.call('anonymous', 'POST', '/api/v1/portal/trees/support/walks', {});
    return world;
  }

  async as(identity: Identity): Promise<Record<string, string>> {
    if (identity === 'anonymous') return {};
    if (!this.headers.has(identity))
      this.headers.set(identity, await login(this.h.app, `${identity}-user`, testPassword));
    return this.headers.get(identity)!;
  }

  /** The next call signs in again (a fuzzed call may have ended the session). */
  forget(identity: Identity): void {
    this.headers.delete(identity);
  }

  async call(identity: Identity, method: string, url: string, payload?: unknown) {
    return this.h.app.inject({
      method: method as 'GET',
      url,
      headers: await this.as(identity),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  /** Values of path parameters that name real things (or, where nothing is known, a random UUID). */
  async paramsOf(op: Operation): Promise<Record<string, string>> {
    const params: Record<string, string> = {};
    for (const { name } of op.params) params[name] = await this.paramValue(op, name, params);
    return params;
  }

  private async paramValue(op: Operation, name: string, known: Record<string, string>): Promise<string> {
    switch (name) {
      case 'entity':
        return 'request';
      case 'kind':
        return 'entity';
      case 'version':
      case 'number':
        return '1';
      case 'name':
        return 'fuzz_secret';
      case 'key':
        return this.keyFor(op.path);
    }
    const collection = op.path
      .slice(0, op.path.indexOf(`/{${name}}`))
      .replace(/\{(\w+)\}/g, (_, n: string) => known[n] ?? 'x');
    const identity: Identity = op.path.startsWith('/api/v1/portal/my/') ? 'client' : 'admin';
    if (op.path.startsWith('/api/v1/portal/walks/')) return this.walkId();
    const listed = await this.call(identity, 'GET', collection);
    const body = listed.statusCode === 200 ? (listed.json() as unknown) : null;
    const items = (Array.isArray(body) ? body : ((body as { items?: unknown[] } | null)?.items ?? [])) as {
      id?: string;
      login?: string;
    }[];
    // Never the fuzzer's own account: a fuzzed update could lock it out.
    const item = items.find((i) => i.id && i.login !== 'admin-user');
    return item?.id ?? randomUUID();
  }

  private async walkId(): Promise<string> {
    const started = await this.call('anonymous', 'POST', '/api/v1/portal/trees/support/walks', {});
    return (started.json() as { id: string }).id;
  }

  private async keyFor(path: string): Promise<string> {
    if (path.includes('/portal/kb/articles/')) {
      const listed = (await this.call('anonymous', 'GET', '/api/v1/portal/kb/articles')).json() as {
        items: { key: string }[];
      };
      return listed.items[0]?.key ?? 'missing';
    }
    if (path.includes('/portal/forms/')) return 'feedback';
    if (path.includes('/forms/')) return 'request-create';
    if (path.includes('/trees/')) return 'support';
    if (path.includes('/published/')) return 'request';
    return 'fuzz-missing';
  }

  /**
   * A body the route would likely take: the schema's sample, with what the thing already holds where the route
   * updates a thing (or the first listed thing where it creates one), so a changed value reaches the service.
   */
  async baseBody(op: Operation, params: Record<string, string>): Promise<unknown> {
    if (!op.body) return {};
    const sample = sampleOf(op.body);
    if (op.method === 'DELETE' || !sample || typeof sample !== 'object' || Array.isArray(sample))
      return sample;
    const url = op.path.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? 'x');
    const current = await this.call('admin', 'GET', url);
    if (current.statusCode !== 200) return sample;
    const found = current.json() as { items?: unknown[] } | unknown[];
    const thing = (Array.isArray(found) ? found[0] : (found.items?.[0] ?? found)) as Record<string, unknown>;
    const known = Object.keys(op.body.properties ?? {}).filter((k) => thing?.[k] !== undefined);
    return { ...sample, ...Object.fromEntries(known.map((k) => [k, thing[k]])) };
  }
}
