import { type ChannelBody, definitionKeyPattern } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { PublishedCache } from '../definitions/published-cache.js';

/** What a channel's key can be: any definition's key. */
export const channelKeyPattern = definitionKeyPattern;
const channelKeyShape = new RegExp(channelKeyPattern);

type WidgetSettings = Extract<ChannelBody['settings'], { type: 'widget' }>;

/** A published widget channel as the widget's routes use it. */
export interface WidgetChannel {
  key: string;
  title: ChannelBody['title'];
  allowedOrigins: readonly string[];
  greeting: NonNullable<WidgetSettings['greeting']> | null;
}

const publishedWidgets = `
  select d.key, v.body from definition d
    join definition_version v on v.definition_id = d.id and v.version = d.latest_version
   where d.kind = 'channel' and d.status <> 'archived' and v.body -> 'settings' ->> 'type' = 'widget'`;

/**
 * The published, not archived widget channels by key, kept in memory: every widget request (a message, a session
 * start, a socket) checks its channel's sites first. Derived from the definitions' cache of published versions, so
 * a publish or an archive of a channel forgets it here as there: at once in this process, by NOTIFY in the others.
 */
export class WidgetChannels {
  private readonly cache: PublishedCache<WidgetChannel>;

  constructor(db: Database, published: PublishedCache) {
    this.cache = published.derive((_kind, key, em) => loadWidgetChannel(db, key, em));
  }

  /** The published, not archived widget channel of a key; a 404 for any other (or another type's) key. */
  async get(key: string): Promise<WidgetChannel> {
    // Read in onRequest hooks, before the route's schema checks the key: anything no key can be is simply unknown.
    if (!channelKeyShape.test(key)) throw fail.notFound('channel');
    const channel = await this.cache.get('channel', key);
    if (!channel) throw fail.notFound('channel');
    return channel;
  }
}

async function loadWidgetChannel(db: Database, key: string, em?: Em): Promise<WidgetChannel | null> {
  const [row] = await db.query<{ key: string; body: unknown }>(
    `${publishedWidgets} and d.key = ?`,
    [key],
    em,
  );
  return row ? fromRow(row) : null;
}

/** The channel the portal shows on its pages: `site-chat` (the template's) when published, else the first by key. */
export async function portalWidgetChannel(db: Database): Promise<string | null> {
  const [row] = await db.query<{ key: string }>(
    `${publishedWidgets} order by (d.key = 'site-chat') desc, d.key limit 1`,
  );
  return row?.key ?? null;
}

function fromRow(row: { key: string; body: unknown }): WidgetChannel {
  const body = (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as ChannelBody;
  const settings = body.settings as WidgetSettings;
  return {
    key: row.key,
    title: body.title,
    allowedOrigins: settings.allowedOrigins,
    greeting: settings.greeting ?? null,
  };
}
