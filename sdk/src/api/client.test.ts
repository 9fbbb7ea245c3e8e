import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { OporaClient, toQueryString } from './client.js';

describe('OporaClient', () => {
  it('sends the CSRF token it got at login on state-changing requests', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const body = url.endsWith('/auth/login') ? { user: { id: '1' }, csrfToken: 'tok' } : {};
      return new Response(JSON.stringify(body), { status: 200 });
    }) as typeof fetch;
    const client = new OporaClient({ baseUrl: 'http://x', fetch: fakeFetch });
    await client.login('admin', 'secret');
    await client.createRecord('request', { subject: 'a' });
    const headers = calls[1]?.init.headers as Record<string, string>;
    expect(calls[1]?.url).toBe('http://x/api/v1/records/request');
    expect(headers['x-csrf-token']).toBe('tok');
  });

  it('uploads files as multipart with the CSRF token, fields before the file', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const body = url.endsWith('/auth/login')
        ? { user: { id: '1' }, csrfToken: 'tok' }
        : { id: 'f1', name: 'Счёт.pdf', size: 3, contentType: 'application/pdf' };
      return new Response(JSON.stringify(body), { status: url.endsWith('/files') ? 201 : 200 });
    }) as typeof fetch;
    const client = new OporaClient({ baseUrl: 'http://x', fetch: fakeFetch });
    await client.login('admin', 'secret');
    const ref = await client.uploadFile('request', 'attachments', new Blob(['abc']), 'Счёт.pdf');
    expect(ref.id).toBe('f1');
    const { url, init } = calls[1]!;
    const headers = init.headers as Record<string, string>;
    expect(url).toBe('http://x/api/v1/files');
    expect(headers['x-csrf-token']).toBe('tok');
    expect(headers['content-type']).toBeUndefined();
    expect(init.credentials).toBe('include');
    const form = init.body as FormData;
    const keys: string[] = [];
    form.forEach((_value, key) => {
      keys.push(key);
    });
    expect(keys).toEqual(['entity', 'field', 'file']);
    expect((form.get('file') as File).name).toBe('Счёт.pdf');
    expect(client.fileUrl('f1')).toBe('http://x/api/v1/files/f1');
  });

  it('sends a text body with its own content type and the CSRF token (a BPMN file)', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const body = url.endsWith('/auth/login') ? { user: { id: '1' }, csrfToken: 'tok' } : { ok: true };
      return new Response(JSON.stringify(body), { status: 200 });
    }) as typeof fetch;
    const client = new OporaClient({ baseUrl: 'http://x', fetch: fakeFetch });
    await client.login('admin', 'secret');
    const answer = await client.request('POST', '/processes/import', {
      text: { content: '<definitions/>', type: 'application/xml' },
    });
    expect(answer).toEqual({ ok: true });
    const headers = calls[1]?.init.headers as Record<string, string>;
    expect(headers['content-type']).toBe('application/xml');
    expect(headers['x-csrf-token']).toBe('tok');
    expect(calls[1]?.init.body).toBe('<definitions/>');
  });

  it('turns error answers into ApiError with details', async () => {
    const body = {
      error: {
        code: 'validation_failed',
        message: 'bad',
        details: [{ pointer: '/body/fields/0', message: 'x' }],
      },
    };
    const client = new OporaClient({
      fetch: (async () => new Response(JSON.stringify(body), { status: 400 })) as typeof fetch,
    });
    const error = await client.listDefinitions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation_failed');
    expect((error as ApiError).detailsUnder('/body/fields')).toHaveLength(1);
  });

  it('repeats array parameters', () => {
    expect(toQueryString({ filter: ['a:eq:1', 'b:gt:2'], q: '', limit: 5 })).toBe(
      '?filter=a%3Aeq%3A1&filter=b%3Agt%3A2&limit=5',
    );
  });
});
