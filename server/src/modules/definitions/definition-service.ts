import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import {
  checkReferences,
  collectReferences,
  type DefinitionKind,
  type Locale,
} from '@opora/runtime/definitions';
import {
  type DefinitionAction,
  type DefinitionInput,
  type DefinitionQuery,
  type DefinitionUpdate,
  type DefinitionVersion,
  definitionRights,
  type ErrorDetail,
  mayChangeDefinition,
} from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database, Em } from '../../db/database.js';
import { DefinitionEntity } from '../../db/entities/definition.js';
import { DefinitionVersionEntity } from '../../db/entities/definition-version.js';
import { containsPattern } from '../../db/escape-like.js';
import { fail } from '../../http/app-error.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { checkBody, prefixed } from './body-problems.js';
import { canonicalJson } from './canonical-json.js';
import { definitionView, summaryView, versionView } from './definition-view.js';
import { PublishedCache } from './published-cache.js';

const sortColumns = { name: 'name', updatedAt: 'updatedAt' } as const;

interface LatestRow {
  id: string;
  kind: DefinitionKind;
  key: string;
  name: string;
  version: number;
  body: unknown;
  published_at: Date | string;
  published_by: string | null;
}

/**
 * What a capability adds to publishing its kind: checks a schema cannot make (pointers relative to the body)
 * and derived data stored with the new version, in the publish transaction.
 */
export interface PublishExtension {
  /** Runs inside the publish transaction (`tx`), after the body itself validated. */
  check(body: unknown, locale: Locale, tx: Em, target: PublishTarget): Promise<ErrorDetail[]>;
  /** Runs after the version is stored, in the same transaction; throwing refuses the publish, saving nothing. */
  published?(
    tx: Em,
    version: { definitionId: string; key: string; version: number; body: unknown; locale: Locale },
  ): Promise<void>;
}

/** The definition being published, so a check can compare the body with the version before it. */
export interface PublishTarget {
  definitionId: string;
  key: string;
  /** The latest published version before this one, null on the first publish. */
  latestVersion: number | null;
}

/**
 * The definitions store: drafts edited with optimistic concurrency, published as immutable numbered versions
 * after the body and everything it references check out. Methods taking `em` join the caller's transaction.
 */
export class DefinitionService {
  private readonly extensions = new Map<DefinitionKind, PublishExtension>();
  private readonly cleaners = new Map<DefinitionKind, (body: unknown) => unknown>();
  /** The latest published versions kept in memory, for paths that read them on every write (record saves). */
  readonly publishedCache: PublishedCache;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.publishedCache = new PublishedCache(db, (kind, key, em) => this.latestPublished(kind, key, em));
  }

  extend(kind: DefinitionKind, extension: PublishExtension): void {
    this.extensions.set(kind, extension);
  }

  /** Rewrites every valid body of the kind before it is stored (e.g. sanitizing the HTML authors put in pages). */
  cleanOnSave(kind: DefinitionKind, clean: (body: unknown) => unknown): void {
    this.cleaners.set(kind, clean);
  }

  private checked(kind: DefinitionKind, raw: unknown, locale: Locale) {
    const { body, details } = checkBody(kind, raw, locale, '/body');
    const clean = this.cleaners.get(kind);
    return { body: clean && !details.length ? clean(body) : body, details };
  }

  async list(query: DefinitionQuery) {
    const { kind, status, q, sort = '-updatedAt', limit = 50, offset = 0 } = query;
    const like = q ? containsPattern(q) : undefined;
    const where = {
      ...(kind ? { kind } : {}),
      ...(status ? { status } : {}),
      ...(like ? { $or: [{ name: { $ilike: like } }, { key: { $ilike: like } }] } : {}),
    };
    const column = sortColumns[sort.replace('-', '') as keyof typeof sortColumns];
    const [rows, total] = await this.db.em().findAndCount(DefinitionEntity, where, {
      orderBy: [{ [column]: sort.startsWith('-') ? 'desc' : 'asc' }, { id: 'asc' }],
      limit,
      offset,
    });
    return { items: rows.map(summaryView), total, limit, offset };
  }

  async get(id: string) {
    return definitionView(await this.find(this.db.em(), id));
  }

  async create(input: DefinitionInput, actor: Actor | null, locale: Locale, em?: Em) {
    assertMay(actor, input.kind, 'write');
    const { body, details } = this.checked(input.kind, input.body, locale);
    if (details.length) throw fail.validation(details);
    const run = async (tx: Em) => {
      if (await tx.count(DefinitionEntity, { kind: input.kind, key: input.key }))
        throw fail.duplicate(`${input.kind} ${input.key}`, '/key');
      const now = dateOf(this.clock);
      const definition = Object.assign(new DefinitionEntity(), {
        id: randomUUID(),
        kind: input.kind,
        key: input.key,
        name: input.name,
        description: input.description ?? '',
        body,
        createdBy: actor?.name ?? null,
        updatedBy: actor?.name ?? null,
        createdAt: now,
        updatedAt: now,
      });
      // Flushed now: a publish in the same transaction inserts versions that reference this row.
      await tx.persistAndFlush(definition);
      audit(tx, actor, {
        at: now,
        action: 'create',
        targetType: 'definition',
        targetId: definition.id,
        entity: input.kind,
        after: definitionView(definition),
      });
      return definition;
    };
    return definitionView(em ? await run(em) : await this.db.transaction(run));
  }

  async update(id: string, update: DefinitionUpdate, actor: Actor | null, locale: Locale, em?: Em) {
    const run = async (tx: Em) => {
      const definition = await this.lock(tx, id, update.draftVersion);
      assertMay(actor, definition.kind, 'write');
      const { body, details } = this.checked(definition.kind, update.body, locale);
      if (details.length) throw fail.validation(details);
      const before = definitionView(definition);
      const now = dateOf(this.clock);
      Object.assign(definition, {
        name: update.name,
        description: update.description ?? definition.description,
        body,
        draftVersion: definition.draftVersion + 1,
        hasUnpublishedChanges: true,
        updatedAt: now,
        updatedBy: actor?.name ?? null,
      });
      audit(tx, actor, {
        at: now,
        action: 'update',
        targetType: 'definition',
        targetId: id,
        entity: definition.kind,
        before,
        after: definitionView(definition),
      });
      return definition;
    };
    return definitionView(em ? await run(em) : await this.db.transaction(run));
  }

  async remove(id: string, draftVersion: number, actor: Actor | null) {
    await this.db.transaction(async (tx) => {
      const definition = await this.lock(tx, id, draftVersion);
      assertMay(actor, definition.kind, 'write');
      if (definition.latestVersion !== null) throw fail.hasVersions();
      audit(tx, actor, {
        at: dateOf(this.clock),
        action: 'delete',
        targetType: 'definition',
        targetId: id,
        entity: definition.kind,
        before: definitionView(definition),
      });
      tx.remove(definition);
    });
  }

  async archive(id: string, actor: Actor | null) {
    return this.db.transaction(async (tx) => {
      const definition = await this.find(tx, id, true);
      assertMay(actor, definition.kind, 'archive');
      // Archiving twice changes nothing, so it is refused rather than recorded again.
      if (definition.status === 'archived')
        throw fail.alreadyArchived(`${definition.kind} ${definition.key}`);
      definition.status = 'archived';
      definition.updatedAt = dateOf(this.clock);
      audit(tx, actor, {
        at: definition.updatedAt,
        action: 'archive',
        targetType: 'definition',
        targetId: id,
        entity: definition.kind,
      });
      // Caches that leave archived definitions out (the widget's channels) forget it on commit.
      await this.publishedCache.published(tx, definition.kind, definition.key);
      return definitionView(definition);
    });
  }

  /** Validates the draft and what it references; refuses with every problem, or stores the next immutable version. */
  async publish(id: string, draftVersion: number, actor: Actor | null, locale: Locale, em?: Em) {
    const run = async (tx: Em) => {
      const definition = await this.lock(tx, id, draftVersion);
      assertMay(actor, definition.kind, 'publish');
      // A version identical to the latest would be noise in the history; an archived one may be published again.
      if (definition.status === 'published' && (await this.draftIsLatest(tx, definition)))
        throw fail.nothingToPublish(definition.latestVersion ?? 0);
      const { body, details } = checkBody(definition.kind, definition.body, locale, '/body');
      const references = details.length
        ? []
        : await this.referenceProblems(tx, definition.kind, body, locale);
      const extension = this.extensions.get(definition.kind);
      const extra =
        details.length || !extension
          ? []
          : (
              await extension.check(body, locale, tx, {
                definitionId: id,
                key: definition.key,
                latestVersion: definition.latestVersion,
              })
            ).map((d) => ({ ...d, pointer: `/body${d.pointer}` }));
      if (details.length || references.length || extra.length)
        throw fail.definitionInvalid([...details, ...references, ...extra]);
      const now = dateOf(this.clock);
      const version = Object.assign(new DefinitionVersionEntity(), {
        id: randomUUID(),
        publishedAt: now,
        definitionId: id,
        version: (definition.latestVersion ?? 0) + 1,
        name: definition.name,
        body,
        publishedBy: actor?.name ?? null,
      });
      Object.assign(definition, {
        body,
        status: 'published',
        latestVersion: version.version,
        hasUnpublishedChanges: false,
      });
      tx.persist(version);
      await extension?.published?.(tx, {
        definitionId: id,
        key: definition.key,
        version: version.version,
        body,
        locale,
      });
      audit(tx, actor, {
        at: now,
        action: 'publish',
        targetType: 'definition',
        targetId: id,
        entity: definition.kind,
        after: { version: version.version },
      });
      // Written now, so reads later in this transaction (a bundle's records) find the new version in the tables.
      await tx.flush();
      await this.publishedCache.published(tx, definition.kind, definition.key);
      return versionView(definition, version);
    };
    return em ? run(em) : this.db.transaction(run);
  }

  async versions(id: string) {
    const em = this.db.em();
    await this.find(em, id);
    const rows = await em.find(
      DefinitionVersionEntity,
      { definitionId: id },
      { orderBy: { version: 'desc' } },
    );
    return {
      items: rows.map((v) => ({
        version: v.version,
        publishedAt: v.publishedAt.toISOString(),
        publishedBy: v.publishedBy,
      })),
    };
  }

  async version(id: string, number: number) {
    const em = this.db.em();
    const definition = await this.find(em, id);
    const version = await em.findOne(DefinitionVersionEntity, { definitionId: id, version: number });
    if (!version) throw fail.notFound(`${definition.kind} ${definition.key} v${number}`);
    return versionView(definition, version);
  }

  /** The latest published version of kind/key, or null; what running instances and screens execute. One query. */
  async latestPublished(kind: DefinitionKind, key: string, em?: Em): Promise<DefinitionVersion | null> {
    const [row] = await this.db.query<LatestRow>(
      `select d.id, d.kind, d.key, v.name, v.version, v.body, v.published_at, v.published_by
       from definition d join definition_version v on v.definition_id = d.id and v.version = d.latest_version
       where d.kind = ? and d.key = ?`,
      [kind, key],
      em,
    );
    if (!row) return null;
    return {
      definitionId: row.id,
      kind: row.kind,
      key: row.key,
      name: row.name,
      version: row.version,
      body: typeof row.body === 'string' ? JSON.parse(row.body) : row.body,
      publishedAt: new Date(row.published_at).toISOString(),
      publishedBy: row.published_by,
    };
  }

  /** Whether the draft (name and body) is what the latest version already holds: publishing it adds nothing. */
  async draftIsLatest(em: Em, definition: DefinitionEntity): Promise<boolean> {
    if (definition.latestVersion === null) return false;
    if (!definition.hasUnpublishedChanges) return true;
    const latest = await em.findOne(DefinitionVersionEntity, {
      definitionId: definition.id,
      version: definition.latestVersion,
    });
    return (
      latest !== null &&
      latest.name === definition.name &&
      canonicalJson(latest.body) === canonicalJson(definition.body)
    );
  }

  private async referenceProblems(em: Em, kind: DefinitionKind, body: unknown, locale: Locale) {
    const published = new Map<string, unknown>();
    for (const ref of collectReferences(kind, body)) {
      const id = `${ref.kind}:${ref.key}`;
      if (!published.has(id)) published.set(id, (await this.latestPublished(ref.kind, ref.key, em))?.body);
    }
    return prefixed(
      checkReferences(kind, body, (k, key) => published.get(`${k}:${key}`), locale),
      '/body',
    );
  }

  private async find(em: Em, id: string, forUpdate = false) {
    const definition = await em.findOne(
      DefinitionEntity,
      { id },
      forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
    if (!definition) throw fail.notFound(`definition ${id}`);
    return definition;
  }

  private async lock(em: Em, id: string, draftVersion: number) {
    const definition = await this.find(em, id, true);
    if (definition.draftVersion !== draftVersion)
      throw fail.versionConflict(draftVersion, definition.draftVersion);
    return definition;
  }
}

/** Refuses unless the actor's roles may do this to the kind (see {@link definitionRights}). */
export function assertMay(actor: Actor | null, kind: DefinitionKind, action: DefinitionAction): void {
  // A null actor is the server itself (template import at first start).
  if (actor && !mayChangeDefinition(actor.roles, kind, action))
    throw fail.definitionForbidden(kind, action, definitionRights[kind][action]);
}
