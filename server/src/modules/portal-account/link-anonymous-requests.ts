import type { Locale } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { RecordService } from '../records/record-service.js';
import { portalAccount, publishedEntity } from './portal-mapping.js';

// Enough for anyone's history of anonymous requests; a runaway address does not turn into a runaway transaction.
const maxLinked = 500;

/**
 * Requests a visitor sent without an account become the client's own, once the client has CONFIRMED the e-mail
 * they were sent from (never before: typing someone's address at sign-up must not hand over their requests).
 * A request qualifies when nobody signed in created it, it points at no client yet, and one of its e-mail fields
 * holds the address. Each is updated through the record service, so the audit and the client's live pages see
 * it; a request the current type no longer accepts as it is stays unlinked rather than failing the confirmation.
 */
export async function linkAnonymousRequests(
  deps: { db: Database; definitions: DefinitionService; records: RecordService },
  tx: Em,
  client: { actor: Actor; recordId: string; email: string; locale: Locale },
): Promise<number> {
  const { db, definitions, records } = deps;
  const account = await portalAccount(definitions, tx);
  if (!account) return 0;
  const body = await publishedEntity(definitions, account.requests, tx);
  const emailFields = body?.fields.filter((f) => f.type === 'email').map((f) => f.key) ?? [];
  if (!body || !emailFields.length) return 0;
  const clientField = body.fields.find((f) => f.key === account.requestClient);
  if (clientField?.type !== 'relation') return 0;
  const email = client.email.trim().toLowerCase();
  const rows = await db.query<{ id: string; version: number }>(
    `select id, version from record
     where entity = ? and deleted_at is null and created_by_id is null
       and coalesce(data -> ?, 'null'::jsonb) in ('null'::jsonb, '[]'::jsonb)
       and (${emailFields.map(() => 'lower(data ->> ?) = ?').join(' or ')})
     order by created_at limit ?`,
    [account.requests, account.requestClient, ...emailFields.flatMap((f) => [f, email]), maxLinked],
    tx,
  );
  const value = clientField.many ? [client.recordId] : client.recordId;
  let linked = 0;
  for (const row of rows) {
    try {
      await records.update(
        account.requests,
        row.id,
        row.version,
        { [account.requestClient]: value },
        client.actor,
        client.locale,
        { em: tx, grantedBy: 'portal' },
      );
      linked++;
    } catch (error) {
      // Refused before anything was written (the type changed since it was sent): leave it for staff.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return linked;
}
