import type { ChannelBody } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';

export interface PublishedChannel {
  key: string;
  /** The published version's number: a republished channel has a new one. */
  version: number;
  body: ChannelBody;
}

/**
 * Every channel whose latest version is published and not archived, optionally of one type: what the SMTP listener
 * routes recipients by and what the Telegram poller polls. One query; the bodies were validated when published.
 */
export async function publishedChannels(
  db: Database,
  type?: ChannelBody['settings']['type'],
  em?: Em,
): Promise<PublishedChannel[]> {
  const rows = await db.query<{ key: string; version: number; body: unknown }>(
    `select d.key, v.version, v.body
       from definition d join definition_version v on v.definition_id = d.id and v.version = d.latest_version
      where d.kind = 'channel' and d.status <> 'archived'
        and (?::text is null or v.body #>> '{settings,type}' = ?)
      order by d.key`,
    [type ?? null, type ?? null],
    em,
  );
  return rows.map((row) => ({
    key: row.key,
    version: Number(row.version),
    body: (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as ChannelBody,
  }));
}
