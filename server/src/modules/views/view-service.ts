import { randomUUID } from 'node:crypto';
import { accessScope, type EntityBody, rolesAllowed } from '@opora/runtime/definitions';
import type { SavedView, SavedViewInput, SavedViewUpdate } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';

interface ViewRow {
  id: string;
  owner_id: string;
  owner_name: string;
  entity: string;
  name: string;
  shared: boolean;
  state: SavedView['state'] | string;
  created_at: Date | string;
  updated_at: Date | string;
}

const columns = `v.id, v.owner_id, u.name as owner_name, v.entity, v.name, v.shared, v.state, v.created_at, v.updated_at`;

const view = (row: ViewRow, actor: Actor): SavedView => ({
  id: row.id,
  entity: row.entity,
  name: row.name,
  shared: row.shared,
  mine: row.owner_id === actor.id,
  owner: { id: row.owner_id, name: row.owner_name },
  state: typeof row.state === 'string' ? (JSON.parse(row.state) as SavedView['state']) : row.state,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/**
 * Saved list views: each belongs to one user; a shared one is seen (not changed) by every staff member who may
 * read the type (a view's filters and search words say something about its records).
 */
export class ViewService {
  constructor(
    private readonly db: Database,
    private readonly definitions: DefinitionService,
  ) {}

  /** The caller's views of the type, then the ones colleagues shared. */
  async list(entity: string, actor: Actor): Promise<{ items: SavedView[] }> {
    await this.assertReads(entity, actor);
    const rows = await this.db.query<ViewRow>(
      `select ${columns} from saved_view v join app_user u on u.id = v.owner_id
       where v.entity = ? and (v.owner_id = ? or v.shared)
       order by (v.owner_id = ?) desc, lower(v.name), v.id`,
      [entity, actor.id, actor.id],
    );
    return { items: rows.map((row) => view(row, actor)) };
  }

  async create(input: SavedViewInput, actor: Actor): Promise<SavedView> {
    await this.assertReads(input.entity, actor);
    const [row] = await this.db.query<{ id: string }>(
      `insert into saved_view (id, owner_id, entity, name, shared, state) values (?, ?, ?, ?, ?, ?::jsonb)
       on conflict (owner_id, entity, name) do nothing returning id`,
      [randomUUID(), actor.id, input.entity, input.name, input.shared ?? false, JSON.stringify(input.state)],
    );
    if (!row) throw fail.duplicate(`«${input.name}»`, '/name');
    return this.get(row.id, actor);
  }

  async update(id: string, input: SavedViewUpdate, actor: Actor): Promise<SavedView> {
    await this.owned(id, actor, false);
    const clash = await this.db.query(
      `select 1 from saved_view a join saved_view b on b.owner_id = a.owner_id and b.entity = a.entity
       where a.id = ? and b.id <> a.id and b.name = ?`,
      [id, input.name],
    );
    if (clash.length) throw fail.duplicate(`«${input.name}»`, '/name');
    await this.db.query(
      `update saved_view set name = ?, shared = ?, state = ?::jsonb, updated_at = now() where id = ?`,
      [input.name, input.shared, JSON.stringify(input.state), id],
    );
    return this.get(id, actor);
  }

  /** The owner deletes a view; an administrator may also remove a shared one that is in everyone's way. */
  async remove(id: string, actor: Actor): Promise<void> {
    await this.owned(id, actor, actor.roles.includes('admin'));
    await this.db.query('delete from saved_view where id = ?', [id]);
  }

  private async assertReads(entity: string, actor: Actor): Promise<void> {
    const published = await this.definitions.latestPublished('entity', entity);
    const body = published?.body as EntityBody | undefined;
    if (body && accessScope(body, actor.roles, 'read') === 'none')
      throw fail.recordsForbidden(entity, 'read', rolesAllowed(body, 'read'));
  }

  private async get(id: string, actor: Actor): Promise<SavedView> {
    const [row] = await this.db.query<ViewRow>(
      `select ${columns} from saved_view v join app_user u on u.id = v.owner_id where v.id = ?`,
      [id],
    );
    if (!row) throw fail.notFound(`view ${id}`);
    return view(row, actor);
  }

  /** Someone else's private view does not exist for the caller (404); a colleague's shared one is read-only (403). */
  private async owned(id: string, actor: Actor, adminMay: boolean): Promise<void> {
    const [row] = await this.db.query<{ owner_id: string; shared: boolean }>(
      'select owner_id, shared from saved_view where id = ?',
      [id],
    );
    if (!row || (row.owner_id !== actor.id && !row.shared)) throw fail.notFound(`view ${id}`);
    if (row.owner_id !== actor.id && !adminMay) throw fail.forbidden();
  }
}
