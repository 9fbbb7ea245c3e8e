import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/test-app.js';
import { databaseTargets } from '../testing/test-database.js';

/** Bad input at the edge of the API: a 4xx in the error shape and the caller's language, never a 500. */
describe.each(databaseTargets)('request edge on $name', (target) => {
  let h: Harness;
  let admin: Record<string, string>;
  const send = (
    method: string,
    url: string,
    payload?: string | object,
    headers: Record<string, string> = {},
  ) =>
    h.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: { ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  const rows = async () =>
    (
      await h.db.query<{ n: string }>(
        `select (select count(*) from api_token) + (select count(*) from definition) + (select count(*) from secret)
              + (select count(*) from saved_view) + (select count(*) from kb_rating) + (select count(*) from session) as n`,
      )
    )[0]!.n;

  beforeAll(async () => {
    h = await createHarness(target, { loginRateLimit: 5, secretsKey: 'edge-test-secrets-key-long-enough' });
    admin = await h.as('admin');
  });
  afterAll(() => h?.close());

  it('refuses NUL in any JSON string (logins, ratings, tokens, definitions, secrets, views) with a 400, saving nothing', async () => {
    const before = await rows();
    const attempts = [
      send('POST', '/auth/login', '{"login":"admin-user\\u0000","password":"x"}'),
      send('POST', '/portal/kb/articles/some-article/ratings', '{"helpful":true,"comment":"\\u0000"}'),
      send('POST', '/tokens', '{"name":"t\\u0000"}', admin),
      send(
        'POST',
        '/definitions',
        '{"kind":"entity","key":"nul","name":"N","body":{"fields":[{"key":"a","label":{"ru":"\\u0000"}}]}}',
        admin,
      ),
      send('PUT', '/secrets/nul_secret', '{"value":"v\\u0000"}', admin),
      send('POST', '/views', '{"entity":"x","name":"\\u0000","state":{"columns":[],"filters":[]}}', admin),
      send('POST', '/views', '{"entity":"x","name":"\\ud800","state":{"columns":[],"filters":[]}}', admin),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'invalid_text',
        details: [{ pointer: expect.any(String) }],
      });
    }
    expect(await rows()).toBe(before);
  });

  it('refuses NUL in path parameters and query strings the same way', async () => {
    const param = await send('GET', '/definitions/a%00b', undefined, admin);
    expect([param.statusCode, param.json().error.details[0].pointer]).toEqual([400, '/params/id']);
    const query = await send('GET', '/users?q=a%00b', undefined, admin);
    expect([query.statusCode, query.json().error.code]).toEqual([400, 'invalid_text']);
  });

  it('answers 50,000 unknown keys at once, and lists at most 100 problems of fewer', async () => {
    const keys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]));
    const url = '/portal/walks/00000000-0000-4000-8000-000000000000/events';
    const many = await send('POST', url, { type: 'choose', node: 'a', ...keys(50_000) });
    expect(many.statusCode).toBe(400);
    expect(many.json().error).toMatchObject({
      code: 'json_too_many_keys',
      message: 'В объекте больше 1000 полей',
      details: [{ pointer: '' }],
    });
    // Under the cap every branch of the union complains about every key; the list stops at 100 and says so.
    const fewer = await send('POST', url, { type: 'choose', node: 'a', ...keys(990) });
    expect(fewer.statusCode).toBe(400);
    const details = fewer.json().error.details as { pointer: string; code?: string }[];
    expect(details).toHaveLength(101);
    expect(details[0]).toMatchObject({ pointer: '/k0', code: 'additionalProperties' });
    expect(details.at(-1)).toMatchObject({ pointer: '', code: 'too_many_problems' });
  });

  it('refuses a body nested 10,000 levels deep before parsing it', async () => {
    const deep = `{"source":"x","input":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const response = await send('POST', '/scripts/test-run', deep, admin);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('json_too_deep');
  });

  it("says what is wrong with malformed JSON in the caller's language", async () => {
    const ru = await send('POST', '/auth/login', '{"login":\n "a",}');
    expect(ru.json().error).toMatchObject({
      code: 'malformed_json',
      message: 'Тело запроса — некорректный JSON: неожиданный символ «}» в строке 2, столбце 6',
    });
    const en = await send('POST', '/auth/login', '{"login":', { 'accept-language': 'en' });
    expect(en.json().error.message).toBe(
      'Request body is not valid JSON: the text ends before the JSON does',
    );
  });

  it('answers framework refusals (too long a parameter, a malformed URL, a wrong content type) in our shape', async () => {
    const long = await send('GET', `/definitions/${'a'.repeat(300)}`, undefined, admin);
    expect([long.statusCode, long.json().error]).toEqual([
      414,
      { code: 'uri_too_long', message: 'Часть адреса запроса слишком длинная', details: [] },
    ]);
    const badUrl = await send('GET', '/definitions/%E0%A4%A', undefined, admin);
    expect([badUrl.statusCode, badUrl.json().error.code]).toEqual([400, 'bad_url']);
    const text = await send('POST', '/auth/login', 'login=a', { 'content-type': 'text/plain' });
    expect([text.statusCode, text.json().error.code]).toEqual([415, 'unsupported_media_type']);
  });

  it('answers a multipart upload without a boundary, or cut short, with a 400', async () => {
    const upload = (contentType: string, payload: string) =>
      send('POST', '/files', payload, { ...admin, 'content-type': contentType });
    const noBoundary = await upload('multipart/form-data', 'abc');
    expect([noBoundary.statusCode, noBoundary.json().error.code]).toEqual([400, 'multipart_malformed']);
    const truncated = await upload(
      'multipart/form-data; boundary=xx',
      '--xx\r\nContent-Disposition: form-data; name="entity"\r\n\r\nreq',
    );
    expect([truncated.statusCode, truncated.json().error.code]).toEqual([400, 'multipart_malformed']);
    const cutInFile = await send(
      'POST',
      '/portal/assets',
      '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\u0089PNG',
      { ...admin, 'content-type': 'multipart/form-data; boundary=xx' },
    );
    expect([cutInFile.statusCode, cutInFile.json().error.code]).toEqual([400, 'multipart_malformed']);
  });

  it('tells a rate-limited caller how many seconds to wait, in their language', async () => {
    const login = (locale: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.20.30.40',
        headers: { 'accept-language': locale },
        payload: { login: 'nobody', password: 'wrong' },
      });
    for (let i = 0; i < 5; i++) await login('ru');
    const ru = await login('ru');
    expect(ru.statusCode).toBe(429);
    expect(ru.json().error.message).toMatch(/^Слишком много запросов; повторите через \d+ с$/);
    expect((await login('en')).json().error.message).toMatch(/^Too many requests; retry in \d+ s$/);
  });
});
