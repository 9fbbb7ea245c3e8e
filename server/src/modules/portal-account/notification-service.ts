import { randomUUID } from 'node:crypto';
import type { Page, PortalNotification } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';

interface NotificationRow {
  id: string;
  title: string;
  text: string;
  link: string | null;
  read_at: Date | string | null;
  created_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

const view = (row: NotificationRow): PortalNotification => ({
  id: row.id,
  title: row.title,
  text: row.text,
  link: row.link,
  readAt: row.read_at === null ? null : iso(row.read_at),
  createdAt: iso(row.created_at),
});

// Notifications travel whole in a NOTIFY payload (at most 8000 bytes), so their texts are kept short.
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A user's notifications: what happened to their requests, newest first, read or not. */
export class NotificationService {
  constructor(private readonly db: Database) {}

  async create(
    tx: Em,
    userId: string,
    input: { title: string; text: string; link: string | null },
  ): Promise<PortalNotification> {
    const [row] = await this.db.query<NotificationRow>(
      `insert into notification (id, user_id, title, text, link) values (?, ?, ?, ?, ?)
       returning id, title, text, link, read_at, created_at`,
      [randomUUID(), userId, clip(input.title, 300), clip(input.text, 1000), input.link],
      tx,
    );
    return view(row!);
  }

  async list(
    userId: string,
    query: { limit?: number; offset?: number; unread?: boolean },
  ): Promise<Page<PortalNotification> & { unread: number }> {
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const onlyUnread = query.unread ? 'and read_at is null' : '';
    const rows = await this.db.query<NotificationRow>(
      `select id, title, text, link, read_at, created_at from notification
       where user_id = ? ${onlyUnread} order by created_at desc, id desc limit ? offset ?`,
      [userId, limit, offset],
    );
    const [counts] = await this.db.query<{ total: string | number; unread: string | number }>(
      `select count(*) filter (where true ${onlyUnread}) as total, count(*) filter (where read_at is null) as unread
       from notification where user_id = ?`,
      [userId],
    );
    return {
      items: rows.map(view),
      total: Number(counts?.total ?? 0),
      limit,
      offset,
      unread: Number(counts?.unread ?? 0),
    };
  }

  /** Marks the given notifications of the user read, or all of them without ids; others' ids are ignored. */
  async markRead(userId: string, ids?: string[]): Promise<void> {
    if (ids && !ids.length) return;
    const some = ids ? "and id::text = any(string_to_array(?, ','))" : '';
    await this.db.query(
      `update notification set read_at = now() where user_id = ? and read_at is null ${some}`,
      ids ? [userId, ids.join(',')] : [userId],
    );
  }
}
