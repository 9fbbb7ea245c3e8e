import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';

describe('system routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ name: 'pglite' });
  });
  afterAll(() => h.close());

  it('reports liveness and readiness', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({
      status: 'ok',
      database: 'ok',
    });
  });

  it('serves the OpenAPI document and its browsable UI', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/definitions/{id}/publish']).toBeDefined();
    const ui = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('answers unknown API routes with the common error shape, in English when asked', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: 'No such API route: GET /api/v1/nothing-here', details: [] },
    });
  });
});
