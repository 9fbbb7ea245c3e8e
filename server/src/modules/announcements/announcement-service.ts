import { randomUUID } from 'node:crypto';
import type { Announcement, AnnouncementInput, Locale, Page } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { sanitizeHtml } from '../../html/sanitize.js';
import { fail } from '../../http/app-error.js';
import { message } from '../../http/messages.js';
import type { Actor } from '../auth/actor.js';

interface AnnouncementRow {
  id: string;
  title: string;
  body: string;
  severity: Announcement['severity'];
  starts_at: Date | string;
  ends_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  created_by: string | null;
}

const columns = 'id, title, body, severity, starts_at, ends_at, created_at, updated_at, created_by';
const iso = (value: Date | string) => new Date(value).toISOString();

const view = (row: AnnouncementRow): Announcement => ({
  id: row.id,
  title: row.title,
  body: row.body,
  severity: row.severity,
  startsAt: iso(row.starts_at),
  endsAt: row.ends_at === null ? null : iso(row.ends_at),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  createdBy: row.created_by,
});

/** How long an ended announcement stays in the portal's «recent» list. */
const pastDays = 30;

/** Portal announcements (planned maintenance, outages, news): staff write them, everyone sees the current ones. */
export class AnnouncementService {
  constructor(private readonly db: Database) {}

  /** Active now (started, not ended); with includePast also those that ended in the last 30 days. Newest first. */
  async current(includePast: boolean, limit: number): Promise<{ items: Announcement[] }> {
    const until = includePast ? `now() - interval '${pastDays} days'` : 'now()';
    const rows = await this.db.query<AnnouncementRow>(
      `select ${columns} from announcement
       where starts_at <= now() and coalesce(ends_at, 'infinity') > ${until}
       order by starts_at desc, id limit ?`,
      [limit],
    );
    return { items: rows.map(view) };
  }

  /** Every announcement, scheduled ones included, newest start first. */
  async list(limit: number, offset: number): Promise<Page<Announcement>> {
    const rows = await this.db.query<AnnouncementRow & { total: string | number }>(
      `select ${columns}, count(*) over () as total from announcement
       order by starts_at desc, id limit ? offset ?`,
      [limit, offset],
    );
    let total = Number(rows[0]?.total ?? 0);
    if (!rows.length && offset > 0) {
      const [counted] = await this.db.query<{ total: string | number }>(
        'select count(*) as total from announcement',
      );
      total = Number(counted?.total ?? 0);
    }
    return { items: rows.map(view), total, limit, offset };
  }

  async create(input: AnnouncementInput, actor: Actor, locale: Locale): Promise<Announcement> {
    const values = checked(input, locale);
    const [row] = await this.db.query<AnnouncementRow>(
      `insert into announcement (id, title, body, severity, starts_at, ends_at, created_by, updated_by)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning ${columns}`,
      [randomUUID(), ...values, actor.name, actor.name],
    );
    return view(row!);
  }

  async update(id: string, input: AnnouncementInput, actor: Actor, locale: Locale): Promise<Announcement> {
    const values = checked(input, locale);
    const [row] = await this.db.query<AnnouncementRow>(
      `update announcement set title = ?, body = ?, severity = ?, starts_at = ?, ends_at = ?,
         updated_at = now(), updated_by = ? where id = ? returning ${columns}`,
      [...values, actor.name, id],
    );
    if (!row) throw fail.notFound(`announcement ${id}`);
    return view(row);
  }

  async remove(id: string): Promise<void> {
    const rows = await this.db.query('delete from announcement where id = ? returning id', [id]);
    if (!rows.length) throw fail.notFound(`announcement ${id}`);
  }
}

/** The stored values in column order, or 400 naming the field that is wrong. */
function checked(input: AnnouncementInput, locale: Locale) {
  const title = input.title.trim();
  if (!title)
    throw fail.validation([{ pointer: '/title', message: message(locale, 'announcement_title_blank') }]);
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt <= startsAt)
    throw fail.validation([
      { pointer: '/endsAt', message: message(locale, 'announcement_window'), code: 'window' },
    ]);
  const body = sanitizeHtml(input.body ?? '');
  return [title, body, input.severity, startsAt.toISOString(), endsAt?.toISOString() ?? null] as const;
}
