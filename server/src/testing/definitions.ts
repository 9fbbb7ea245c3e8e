import type { DefinitionKind } from '@opora/runtime/definitions';
import type { Role } from '@opora/sdk';
import type { Harness } from './test-app.js';

/** Creates a definition and publishes its first version through the API, as the role; answers both responses. */
export async function publishDefinition(
  h: Harness,
  definition: { kind: DefinitionKind; key: string; name: string; body: unknown },
  role: Role = 'admin',
) {
  const headers = await h.as(role);
  const created = await h.app.inject({
    method: 'POST',
    url: '/api/v1/definitions',
    headers,
    payload: definition as object,
  });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const published = await h.app.inject({
    method: 'POST',
    url: `/api/v1/definitions/${created.json().id}/publish`,
    headers,
    payload: { draftVersion: 1 },
  });
  if (published.statusCode !== 201)
    throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return { created: created.json(), published: published.json() };
}
