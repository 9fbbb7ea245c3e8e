import { randomUUID } from 'node:crypto';
import {
  applyDefaults,
  type EntityBody,
  type Locale,
  recordTitle,
  searchableText,
  transitionProblems,
} from '@opora/runtime/definitions';
import type { RecordItem, RecordQuery } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database, Em } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import { message } from '../../http/messages.js';
import type { Actor } from '../auth/actor.js';
import { staff } from '../auth/roles.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { type Owner, RecordAccess } from './record-access.js';
import { auditPage } from './record-history.js';
import { listRecords, type RecordListPage } from './record-list.js';
import type { RecordSave, RecordSaveCheck } from './record-save-check.js';
import { recordRowView, type StoredRecord } from './record-view.js';
import { deleteRecord, insertRecord, selectRecord, updateRecord } from './record-writes.sql.js';
import { ValidatorCache } from './validator-cache.js';

/** A record just created or changed, handed to listeners inside the save's transaction (see {@link RecordService.onSaved}). */
export interface RecordSaved {
  tx: Em;
  entity: string;
  /** The stored data before this save; null when the record was created. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  record: RecordItem;
  actor: Actor | null;
}

export type RecordSavedListener = (saved: RecordSaved) => Promise<void>;

interface PublishedEntity {
  version: number;
  body: EntityBody;
}

export interface CreateOptions {
  /** Join the caller's transaction. */
  em?: Em;
  id?: string;
  grantedBy?: RecordGrant;
}

/**
 * Writes a published design makes on the actor's behalf, whatever the type's rights say: the portal's sign-up
 * and portal forms (ФОС) create records for clients and visitors; a form's on-submit action writes its result
 * into the record that same submission just saved.
 */
export type RecordGrant = 'portal' | 'form';

/**
 * Instances of published entity definitions: validated JSONB data, optimistic concurrency, soft delete, audit
 * trail — and the data type's access rights, checked here so every path (API, forms, scripts, files, related
 * lists, imports) gets them. A null actor is the server itself; reads name their actor too (see {@link actingAs}).
 */
export class RecordService {
  private readonly validators = new ValidatorCache();
  private readonly saveChecks: RecordSaveCheck[] = [];
  private readonly savedListeners: RecordSavedListener[] = [];
  readonly access: RecordAccess;
  /** Who reads when a caller names nobody: set by {@link actingAs}; unset, such a read is a programming error. */
  private reader: Actor | null | undefined;

  constructor(
    private readonly db: Database,
    private readonly definitions: DefinitionService,
    private readonly clock: Clock,
  ) {
    this.access = new RecordAccess(db);
  }

  /**
   * The same service (same checks and listeners) reading as `actor` wherever a caller leaves the actor out, as
   * the script SDK does: a script reads exactly what the identity it runs as may read.
   */
  actingAs(actor: Actor | null): RecordService {
    return Object.assign(Object.create(RecordService.prototype) as RecordService, this, { reader: actor });
  }

  async create(
    entity: string,
    input: Record<string, unknown>,
    actor: Actor | null,
    locale: Locale,
    options: CreateOptions = {},
  ) {
    const run = async (tx: Em) => {
      const published = await this.entity(entity, tx);
      if (!options.grantedBy) {
        const owner = await this.access.ownerFor(entity, published.body, actor, 'create', tx);
        if (owner) this.refuseForeignLinks(published.body, owner, input, locale);
      }
      const data = applyDefaults(published.body, input);
      this.validate(entity, published, data, locale, false);
      await this.checkUnique(tx, entity, published.body, data, null, locale);
      await this.runSaveChecks({ tx, entity, body: published.body, data, before: null, actor, locale });
      const now = dateOf(this.clock);
      const written = {
        id: options.id ?? randomUUID(),
        entity,
        entityVersion: published.version,
        data,
        title: recordTitle(published.body, data),
        searchText: searchableText(published.body, data),
        at: now,
      };
      // Record, number and audit row in one statement, as late as the listeners allow (they need the row).
      const number = await insertRecord(this.db, tx, written, actor);
      const record: RecordItem = {
        id: written.id,
        entity,
        number,
        entityVersion: written.entityVersion,
        title: written.title,
        data,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        createdBy: actor?.name ?? null,
        updatedBy: actor?.name ?? null,
      };
      await this.emitSaved({ tx, entity, before: null, after: data, record, actor });
      return record;
    };
    return options.em ? run(options.em) : this.db.transaction(run);
  }

  /** Lets another module refuse saves it knows to be wrong (see {@link RecordSaveCheck}). */
  addSaveCheck(check: RecordSaveCheck): void {
    this.saveChecks.push(check);
  }

  /**
   * Lets another module react to every create and update, whoever writes (form, API, script, process), inside
   * the same transaction: what it writes commits or rolls back with the save; a listener that throws refuses it.
   */
  onSaved(listener: RecordSavedListener): void {
    this.savedListeners.push(listener);
  }

  /**
   * One record, if the actor may read it: 403 when the type is closed to them, 404 when it is not theirs.
   * `em`: read inside the caller's transaction.
   */
  async get(entity: string, id: string, actor?: Actor | null, em: Em = this.db.em()) {
    const who = this.who(actor);
    if (!who) return recordRowView(await this.find(em, entity, id));
    const { body } = await this.entity(entity, em);
    const owner = await this.access.ownerFor(entity, body, who, 'read', em);
    const record = await this.find(em, entity, id);
    this.refuseUnowned(entity, body, owner, record);
    return recordRowView(record);
  }

  /**
   * Applies a partial change to the fields given (or, with `replace`, sets the whole data, as a submitted form
   * does); the result is validated against the latest entity version.
   */
  async update(
    entity: string,
    id: string,
    version: number,
    patch: Record<string, unknown>,
    actor: Actor | null,
    locale: Locale,
    options: { replace?: boolean; em?: Em; grantedBy?: RecordGrant } = {},
  ) {
    const run = async (tx: Em) => {
      const published = await this.entity(entity, tx);
      const owner = options.grantedBy
        ? null
        : await this.access.ownerFor(entity, published.body, actor, 'update', tx);
      const stored = await this.find(tx, entity, id, true);
      this.refuseUnowned(entity, published.body, owner, stored);
      if (owner) this.refuseForeignLinks(published.body, owner, patch, locale);
      if (stored.version !== version) throw fail.versionConflict(version, stored.version);
      const record = recordRowView(stored);
      const data = options.replace ? { ...patch } : { ...record.data, ...patch };
      this.validate(entity, published, data, locale, false);
      // Status fields move only along the analyst's arrows, whoever writes (form, API, script).
      const moves = transitionProblems(published.body, record.data, data, locale);
      if (moves.length)
        throw fail.validation(
          moves.map((p) => ({ pointer: `/data${p.pointer}`, message: p.message, code: p.code })),
        );
      await this.checkUnique(tx, entity, published.body, data, id, locale);
      const before = record.data;
      const now = dateOf(this.clock);
      await this.runSaveChecks({ tx, entity, body: published.body, data, before, actor, locale });
      const title = recordTitle(published.body, data);
      await updateRecord(
        this.db,
        tx,
        {
          id,
          entity,
          entityVersion: published.version,
          data,
          title,
          searchText: searchableText(published.body, data),
          at: now,
        },
        actor,
      );
      const saved: RecordItem = {
        ...record,
        data,
        entityVersion: published.version,
        title,
        version: record.version + 1,
        updatedAt: now.toISOString(),
        updatedBy: actor?.name ?? null,
      };
      await this.emitSaved({ tx, entity, before, after: data, record: saved, actor });
      return saved;
    };
    return options.em ? run(options.em) : this.db.transaction(run);
  }

  async remove(entity: string, id: string, version: number, actor: Actor | null) {
    await this.db.transaction(async (tx) => {
      const { body } = await this.entity(entity, tx);
      const owner = await this.access.ownerFor(entity, body, actor, 'delete', tx);
      // A client's own-only scope needs the row before deciding; everyone else deletes in one statement.
      if (owner) this.refuseUnowned(entity, body, owner, await this.find(tx, entity, id, true));
      const target = { entity, id, version, at: dateOf(this.clock) };
      if (await deleteRecord(this.db, tx, target, actor)) return;
      const current = await this.find(tx, entity, id);
      throw fail.versionConflict(version, current.version);
    });
  }

  /** A page of the records the actor may read (a client's own only, where the type says so): see record-list.ts. */
  async list(entity: string, query: RecordQuery, actor?: Actor | null): Promise<RecordListPage> {
    const who = this.who(actor);
    const em = this.db.em();
    const published = await this.entity(entity, em);
    const owner = await this.access.ownerFor(entity, published.body, who, 'read', em);
    const owned = owner ? this.access.ownedSql(entity, published.body, owner) : null;
    return listRecords(this.db, entity, published.body, query, owned);
  }

  /**
   * The audit trail of a record the actor may read. Staff only: it names colleagues and every value ever held,
   * which a client's own history («Мои обращения») deliberately does not.
   */
  async history(
    entity: string,
    id: string,
    page: { limit: number; offset: number; after?: string },
    actor?: Actor | null,
  ) {
    const who = this.who(actor);
    const em = this.db.em();
    if (who && !who.roles.some((role) => staff.includes(role))) throw fail.forbidden();
    if (who) this.access.scope(entity, (await this.entity(entity, em)).body, who, 'read');
    await this.find(em, entity, id, false, true);
    return auditPage(this.db, em, id, page);
  }

  /** The actor a read is for: the one named, else the one this instance acts as. */
  private who(actor: Actor | null | undefined): Actor | null {
    if (actor !== undefined) return actor;
    if (this.reader !== undefined) return this.reader;
    throw new Error('a record read must name its actor (null for the server itself)');
  }

  private refuseUnowned(entity: string, body: EntityBody, owner: Owner | null, record: StoredRecord): void {
    if (!owner) return;
    const owned = { id: record.id, createdById: record.created_by_id, data: recordRowView(record).data };
    if (!this.access.owns(entity, body, owner, owned)) throw fail.notFound(`${entity} ${record.id}`);
  }

  private refuseForeignLinks(body: EntityBody, owner: Owner, data: Record<string, unknown>, locale: Locale) {
    const fields = this.access.foreignLinks(body, owner, data);
    if (fields.length) throw fail.foreignClientLink(fields, message(locale, 'foreign_client_link'));
  }

  private async entity(key: string, em: Em): Promise<PublishedEntity> {
    const published = await this.definitions.publishedCache.get('entity', key, em);
    if (!published) throw fail.entityNotPublished(key);
    return { version: published.version, body: published.body as EntityBody };
  }

  private validate(
    entity: string,
    published: PublishedEntity,
    data: unknown,
    locale: Locale,
    partial: boolean,
  ) {
    const problems = this.validators.get(
      entity,
      published.version,
      published.body,
      locale,
    )(data, { partial });
    if (problems.length)
      throw fail.validation(
        problems.map((p) => ({ pointer: `/data${p.pointer}`, message: p.message, code: p.code })),
      );
  }

  /** Fields marked unique: checked under a per-entity advisory lock so two concurrent saves cannot both pass. */
  private async checkUnique(
    tx: Em,
    entity: string,
    body: EntityBody,
    data: Record<string, unknown>,
    selfId: string | null,
    locale: Locale,
  ) {
    const unique = body.fields.filter(
      (f) => f.unique && data[f.key] !== undefined && data[f.key] !== null && data[f.key] !== '',
    );
    if (!unique.length) return;
    await this.db.query('select pg_advisory_xact_lock(hashtext(?))', [`record-unique:${entity}`], tx);
    for (const field of unique) {
      const clash = await this.db.query(
        `select 1 from record where entity = ? and deleted_at is null and data->? = ?::jsonb and id <> ? limit 1`,
        [
          entity,
          field.key,
          JSON.stringify(data[field.key]),
          selfId ?? '00000000-0000-0000-0000-000000000000',
        ],
        tx,
      );
      if (clash.length) {
        const label = field.label[locale] ?? field.label.ru;
        throw fail.validation([
          {
            pointer: `/data/${field.key}`,
            message: locale === 'ru' ? `Значение «${label}» уже занято` : `"${label}" is already taken`,
            code: 'unique',
          },
        ]);
      }
    }
  }

  private async runSaveChecks(save: RecordSave) {
    for (const check of this.saveChecks) {
      const problems = await check(save);
      if (problems.length)
        throw fail.validation(
          problems.map((p) => ({ pointer: `/data${p.pointer}`, message: p.message, code: p.code })),
        );
    }
  }

  private async emitSaved(saved: RecordSaved) {
    for (const listener of this.savedListeners) await listener(saved);
  }

  private async find(em: Em, entity: string, id: string, forUpdate = false, includeDeleted = false) {
    const record = await selectRecord(this.db, em, entity, id, { forUpdate, includeDeleted });
    if (!record) throw fail.notFound(`${entity} ${id}`);
    return record;
  }
}
