import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import {
  applyDefaults,
  type EntityBody,
  type Locale,
  recordTitle,
  searchableText,
  transitionProblems,
} from '@opora/runtime/definitions';
import type { RecordItem, RecordQuery } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';
import { AuditEntryEntity } from '../../db/entities/audit-entry.js';
import { RecordEntity } from '../../db/entities/record.js';
import { fail } from '../../http/app-error.js';
import { audit, auditView } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { buildRecordQuery } from './record-query.js';
import type { RecordSave, RecordSaveCheck } from './record-save-check.js';
import { type RecordRow, recordColumns, recordRowView, recordView } from './record-view.js';
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

/** Instances of published entity definitions: validated JSONB data, optimistic concurrency, soft delete, audit trail. */
export class RecordService {
  private readonly validators = new ValidatorCache();
  private readonly saveChecks: RecordSaveCheck[] = [];
  private readonly savedListeners: RecordSavedListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly definitions: DefinitionService,
  ) {}

  async create(
    entity: string,
    input: Record<string, unknown>,
    actor: Actor | null,
    locale: Locale,
    em?: Em,
    id: string = randomUUID(),
  ) {
    const run = async (tx: Em) => {
      const published = await this.entity(entity, tx);
      const data = applyDefaults(published.body, input);
      this.validate(entity, published, data, locale, false);
      await this.checkUnique(tx, entity, published.body, data, null, locale);
      await this.runSaveChecks({ tx, entity, body: published.body, data, before: null, actor, locale });
      const record = Object.assign(new RecordEntity(), {
        id,
        entity,
        number: await this.nextNumber(tx, entity),
        entityVersion: published.version,
        data,
        title: recordTitle(published.body, data),
        searchText: searchableText(published.body, data),
        createdBy: actor?.name ?? null,
        updatedBy: actor?.name ?? null,
      });
      tx.persist(record);
      audit(tx, actor, { action: 'create', targetType: 'record', targetId: record.id, entity, after: data });
      await this.emitSaved({ tx, entity, before: null, after: data, record: recordView(record), actor });
      return record;
    };
    return recordView(em ? await run(em) : await this.db.transaction(run));
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

  async get(entity: string, id: string) {
    return recordView(await this.find(this.db.em(), entity, id));
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
    options: { replace?: boolean; em?: Em } = {},
  ) {
    const run = async (tx: Em) => {
      const record = await this.find(tx, entity, id, true);
      if (record.version !== version) throw fail.versionConflict(version, record.version);
      const published = await this.entity(entity, tx);
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
      await this.runSaveChecks({ tx, entity, body: published.body, data, before, actor, locale });
      Object.assign(record, {
        data,
        entityVersion: published.version,
        title: recordTitle(published.body, data),
        searchText: searchableText(published.body, data),
        version: record.version + 1,
        updatedAt: new Date(),
        updatedBy: actor?.name ?? null,
      });
      audit(tx, actor, { action: 'update', targetType: 'record', targetId: id, entity, before, after: data });
      const saved = recordView(record);
      await this.emitSaved({ tx, entity, before, after: data, record: saved, actor });
      return saved;
    };
    return options.em ? run(options.em) : this.db.transaction(run);
  }

  async remove(entity: string, id: string, version: number, actor: Actor | null) {
    await this.db.transaction(async (tx) => {
      const record = await this.find(tx, entity, id, true);
      if (record.version !== version) throw fail.versionConflict(version, record.version);
      Object.assign(record, {
        deletedAt: new Date(),
        version: record.version + 1,
        updatedBy: actor?.name ?? null,
      });
      audit(tx, actor, { action: 'delete', targetType: 'record', targetId: id, entity, before: record.data });
    });
  }

  async list(entity: string, query: RecordQuery) {
    const published = await this.entity(entity, this.db.em());
    const { where, orderBy } = buildRecordQuery(entity, published.body, query);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    // One round trip: the page and, through a window function, the total.
    const rows = await this.db.query<RecordRow & { total: string | number }>(
      `select ${recordColumns}, count(*) over () as total from record where ${where.sql}
       order by ${orderBy.sql} limit ? offset ?`,
      [...where.params, ...orderBy.params, limit, offset],
    );
    let total = Number(rows[0]?.total ?? 0);
    if (!rows.length && offset > 0) {
      const [counted] = await this.db.query<{ total: string | number }>(
        `select count(*) as total from record where ${where.sql}`,
        where.params,
      );
      total = Number(counted?.total ?? 0);
    }
    return { items: rows.map(recordRowView), total, limit, offset };
  }

  async history(entity: string, id: string, limit: number, offset: number) {
    const em = this.db.em();
    await this.find(em, entity, id, false, true);
    const [rows, total] = await em.findAndCount(
      AuditEntryEntity,
      { targetType: 'record', targetId: id },
      { orderBy: { id: 'desc' }, limit, offset },
    );
    return { items: rows.map(auditView), total, limit, offset };
  }

  private async entity(key: string, em: Em): Promise<PublishedEntity> {
    const published = await this.definitions.latestPublished('entity', key, em);
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

  private async nextNumber(tx: Em, entity: string): Promise<number> {
    const rows = await this.db.query<{ last_number: string | number }>(
      `insert into record_counter (entity, last_number) values (?, 1)
       on conflict (entity) do update set last_number = record_counter.last_number + 1 returning last_number`,
      [entity],
      tx,
    );
    return Number(rows[0]!.last_number);
  }

  private async find(em: Em, entity: string, id: string, forUpdate = false, includeDeleted = false) {
    const record = await em.findOne(
      RecordEntity,
      { id, entity, ...(includeDeleted ? {} : { deletedAt: null }) },
      forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
    if (!record) throw fail.notFound(`${entity} ${id}`);
    return record;
  }
}
