import type { PortalAccount } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';

export interface KnownAddresses {
  /** Comparable forms (see `comparableEmail` / `comparablePhone` in the runtime). */
  email?: string;
  phone?: string;
  /** The e-mail address as the person wrote it: client records keep addresses as typed. */
  emailAsWritten?: string;
}

/**
 * The client record a person with these addresses already has: first through a contact of another channel that
 * carried the same address (indexed, comparable forms), then through a client record holding the address in its
 * e-mail field as written or in lower case (the records' GIN index answers `data @> …`). Null when nobody has it.
 */
export async function knownClient(
  db: Database,
  tx: Em,
  account: PortalAccount | null,
  addresses: KnownAddresses,
): Promise<string | null> {
  const { email, phone } = addresses;
  if (!email && !phone) return null;
  const [viaContact] = await db.query<{ client_record_id: string }>(
    `select client_record_id from contact
      where client_record_id is not null and ((email = ? and ? is not null) or (phone = ? and ? is not null))
      order by created_at limit 1`,
    [email ?? null, email ?? null, phone ?? null, phone ?? null],
    tx,
  );
  if (viaContact) return viaContact.client_record_id;
  if (!account || !email) return null;
  const holding = (address: string) => JSON.stringify({ [account.clientEmail]: address });
  const [viaRecord] = await db.query<{ id: string }>(
    `select id from record where entity = ? and deleted_at is null and (data @> ?::jsonb or data @> ?::jsonb)
      order by created_at limit 1`,
    [account.clients, holding(email), holding(addresses.emailAsWritten?.trim() ?? email)],
    tx,
  );
  return viaRecord?.id ?? null;
}
