import { accessScope, type EntityBody, type PortalAccount } from '@opora/runtime/definitions';
import type { Locale, MyRequest, MyRequestDetail, Page, RecordItem } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import { message } from '../../http/messages.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { type RecordRow, recordColumns, recordRowView } from '../records/record-view.js';
import { linkedRecord, pointsAt, portalAccount, publishedEntity } from './portal-mapping.js';
import { type AuditRow, requestHistory, statusOf } from './request-history.js';

interface Scope {
  account: PortalAccount;
  body: EntityBody;
  clientId: string;
}

// A long-lived request keeps its newest history; older entries are rarely what a client looks for.
const maxHistory = 500;

/**
 * «Мои обращения»: the requests whose client field points at the caller's client record, and nobody else's —
 * while the request type lets clients read their own (the default).
 */
export class MyRequests {
  constructor(
    private readonly db: Database,
    private readonly definitions: DefinitionService,
  ) {}

  async list(actor: Actor, limit: number, offset: number): Promise<Page<MyRequest>> {
    const scope = await this.scope(actor);
    if (!scope) return { items: [], total: 0, limit, offset };
    const owned = pointsAt(scope.account.requestClient, scope.clientId);
    const rows = await this.db.query<RecordRow & { total: string | number }>(
      `select ${recordColumns}, count(*) over () as total from record
       where entity = ? and deleted_at is null and ${owned.sql}
       order by created_at desc, number desc limit ? offset ?`,
      [scope.account.requests, ...owned.params, limit, offset],
    );
    let total = Number(rows[0]?.total ?? 0);
    if (!rows.length && offset > 0) {
      const [counted] = await this.db.query<{ total: string | number }>(
        `select count(*) as total from record where entity = ? and deleted_at is null and ${owned.sql}`,
        [scope.account.requests, ...owned.params],
      );
      total = Number(counted?.total ?? 0);
    }
    return { items: rows.map((row) => summary(recordRowView(row), scope)), total, limit, offset };
  }

  /** One of the caller's requests; someone else's does not exist for them (404), like a missing one. */
  async get(actor: Actor, id: string, locale: Locale): Promise<MyRequestDetail> {
    const scope = await this.scope(actor);
    const missing = () => fail.notFound(`request ${id}`);
    if (!scope) throw missing();
    const owned = pointsAt(scope.account.requestClient, scope.clientId);
    const [row] = await this.db.query<RecordRow>(
      `select ${recordColumns} from record where id = ? and entity = ? and deleted_at is null and ${owned.sql}`,
      [id, scope.account.requests, ...owned.params],
    );
    if (!row) throw missing();
    const audit = await this.db.query<AuditRow>(
      `select * from (select id, at, actor_id, actor_name, action, before, after from audit_log
         where target_type = 'record' and target_id = ? order by id desc limit ?) newest order by id`,
      [id, maxHistory],
    );
    const record = recordRowView(row);
    return {
      ...summary(record, scope),
      record,
      entity: scope.body,
      history: requestHistory(audit, scope.body, scope.account, actor.id, message(locale, 'support_team')),
    };
  }

  private async scope(actor: Actor): Promise<Scope | null> {
    const account = await portalAccount(this.definitions);
    if (!account) return null;
    const [clientId, body] = await Promise.all([
      linkedRecord(this.db, actor.id),
      publishedEntity(this.definitions, account.requests),
    ]);
    // An analyst who closes the request type to clients closes «Мои обращения» with it.
    if (!clientId || !body || accessScope(body, actor.roles, 'read') === 'none') return null;
    return { account, body, clientId };
  }
}

function summary(record: RecordItem, { account, body }: Scope): MyRequest {
  return {
    id: record.id,
    number: record.number,
    title: record.title,
    status: statusOf(body, account.requestStatus, record.data[account.requestStatus]),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
