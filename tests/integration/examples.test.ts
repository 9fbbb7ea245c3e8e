import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { OporaClient } from '@opora/sdk';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRequest } from '../../examples/api-client/open-request.js';

describe('examples', () => {
  let h: Harness;
  let client: OporaClient;
  beforeAll(async () => {
    h = await createHarness({ name: 'pglite' });
    const template = JSON.parse(
      await readFile(new URL('../../templates/support-desk/bundle.json', import.meta.url), 'utf8'),
    );
    await h.app.bundles.import(template, null, 'ru');
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const token = (await h.tokenFor('operator')).authorization!.slice('Bearer '.length);
    client = new OporaClient({ baseUrl: `http://127.0.0.1:${port}`, token });
  });
  afterAll(() => h.close());

  it('api-client opens a request linked to the client and company over real HTTP', async () => {
    const number = await openRequest(
      client,
      'm.ivanova@romashka.example',
      'Не приходят уведомления',
      'Письма о статусе не приходят.',
    );
    const found = await client.listRecords('request', { filter: [`number:eq:${number}`] });
    const request = found.items[0]!;
    expect(request.title).toBe('Не приходят уведомления');
    const person = await client.getRecord('client', request.data.client as string);
    expect(person.title).toBe('Иванова Мария Петровна');
    expect(request.data.company).toBe(person.data.company);
  });
});
