// An integration in a few lines: open a support request for a client through the REST API with an API token.
// Run: OPORA_URL=http://localhost:3000 OPORA_TOKEN=opora_… node --import tsx examples/api-client/open-request.ts
import { ApiError, OporaClient } from '@opora/sdk';

/** Finds the client by e-mail and opens a request on their behalf; returns the request number. */
export async function openRequest(
  client: OporaClient,
  email: string,
  subject: string,
  description: string,
): Promise<number> {
  const found = await client.listRecords('client', { filter: [`email:eq:${email}`], limit: 1 });
  const person = found.items[0];
  const request = await client.createRecord('request', {
    subject,
    description,
    channel: 'email',
    priority: 'normal',
    ...(person
      ? { client: person.id, ...(person.data.company ? { company: person.data.company } : {}) }
      : {}),
  });
  return request.number;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const client = new OporaClient({
    baseUrl: process.env.OPORA_URL ?? 'http://localhost:3000',
    token: process.env.OPORA_TOKEN,
  });
  try {
    const number = await openRequest(
      client,
      'm.ivanova@romashka.example',
      'Не приходят уведомления',
      'С понедельника не приходят письма о статусе заказов.',
    );
    console.log(`Opened request №${number}`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    console.error(`${error.status} ${error.code}: ${error.message}`);
    for (const detail of error.details) console.error(`  ${detail.pointer}: ${detail.message}`);
    process.exitCode = 1;
  }
}
