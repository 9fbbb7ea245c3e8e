import { randomUUID } from 'node:crypto';
import {
  type Bundle,
  type BundleDefinition,
  type Locale,
  orderForPublish,
  resolveRecordRefs,
  validateBundle,
} from '@opora/runtime/definitions';
import type { DefinitionKind, ImportReport } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database, Em } from '../../db/database.js';
import { DefinitionEntity } from '../../db/entities/definition.js';
import { AppError, fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { exportKnowledgeBase, importKnowledgeBase } from '../kb/kb-bundle.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { RecordService } from '../records/record-service.js';
import { type DefinitionPlan, planDefinition } from './bundle-plan.js';
import { refusedItems } from './bundle-rights.js';

/** Moves sets of definitions (and demo records) between installations as one JSON file. */
export class BundleService {
  constructor(
    private readonly db: Database,
    private readonly definitions: DefinitionService,
    private readonly records: RecordService,
    private readonly kb: KnowledgeBase,
    private readonly clock: Clock,
  ) {}

  async export(filter: { ids?: string[]; kind?: DefinitionKind; knowledgeBase?: boolean }): Promise<Bundle> {
    const where = {
      ...(filter.ids?.length ? { id: { $in: filter.ids } } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
    };
    const rows = await this.db
      .em()
      .find(DefinitionEntity, where, { orderBy: [{ kind: 'asc' }, { key: 'asc' }] });
    return {
      format: 'opora-bundle',
      formatVersion: 1,
      exportedAt: dateOf(this.clock).toISOString(),
      definitions: rows.map((d) => ({
        kind: d.kind,
        key: d.key,
        name: d.name,
        ...(d.description ? { description: d.description } : {}),
        body: d.body,
        published: d.latestVersion !== null,
      })) as BundleDefinition[],
      ...(filter.knowledgeBase ? { knowledgeBase: await exportKnowledgeBase(this.db, this.kb) } : {}),
    };
  }

  /**
   * All or nothing: one transaction; any problem rolls everything back and is reported with its place in the
   * bundle. Items the caller may not write refuse the whole import (403) before anything is written.
   */
  async import(input: unknown, actor: Actor | null, locale: Locale): Promise<ImportReport> {
    const problems = validateBundle(input, locale);
    if (problems.length)
      throw fail.bundleInvalid(
        problems.map((p) => ({ pointer: p.pointer, message: p.message, code: p.code })),
      );
    const bundle = input as Bundle;
    const report: ImportReport = { created: [], updated: [], published: [], records: 0 };
    await this.db.transaction(async (em) => {
      const plans: DefinitionPlan[] = [];
      for (const def of orderForPublish(bundle.definitions))
        plans.push(await planDefinition(em, def, bundle.definitions.indexOf(def)));
      const refused = await refusedItems(em, this.definitions, bundle, plans, actor, locale);
      if (refused.length) throw fail.bundleForbidden(refused);
      // Articles first: publishing a question tree checks the articles its leaves name.
      if (bundle.knowledgeBase)
        report.knowledgeBase = await rethrowAt('/knowledgeBase', () =>
          importKnowledgeBase(this.db, this.kb, bundle.knowledgeBase!, actor, locale, em),
        );
      for (const plan of plans) await this.importDefinition(em, plan, actor, locale, report);
      await this.importRecords(em, bundle, actor, locale);
      report.records = bundle.records?.length ?? 0;
    });
    // Search picks exact or tiered ranking from the planner's statistics; refresh them after a bulk load.
    if (bundle.knowledgeBase) await this.db.query('analyze kb_article');
    return report;
  }

  private async importDefinition(
    em: Em,
    { def, index, existing, change, publish }: DefinitionPlan,
    actor: Actor | null,
    locale: Locale,
    report: ImportReport,
  ) {
    const at = `/definitions/${index}`;
    const name = { kind: def.kind, key: def.key };
    await rethrowAt(at, async () => {
      let id: string;
      let draftVersion: number;
      if (!existing) {
        const created = await this.definitions.create(
          { ...def, description: def.description ?? '' },
          actor,
          locale,
          em,
        );
        ({ id, draftVersion } = created);
        report.created.push(name);
      } else if (change === 'update') {
        const updated = await this.definitions.update(
          existing.id,
          {
            name: def.name,
            description: def.description ?? existing.description,
            body: def.body,
            draftVersion: existing.draftVersion,
          },
          actor,
          locale,
          em,
        );
        ({ id, draftVersion } = updated);
        report.updated.push(name);
      } else ({ id, draftVersion } = existing);
      // A draft that came back to what is published (edited, then imported as it was) has nothing to publish.
      const definition = await em.findOneOrFail(DefinitionEntity, { id });
      if (publish && !(await this.definitions.draftIsLatest(em, definition))) {
        const version = await this.definitions.publish(id, draftVersion, actor, locale, em);
        report.published.push({ ...name, version: version.version });
      }
    });
  }

  private async importRecords(em: Em, bundle: Bundle, actor: Actor | null, locale: Locale) {
    const ids = new Map<string, string>();
    for (const record of bundle.records ?? []) if (record.ref) ids.set(record.ref, randomUUID());
    for (const [index, record] of (bundle.records ?? []).entries()) {
      await rethrowAt(`/records/${index}`, async () => {
        let data: Record<string, unknown>;
        try {
          data = resolveRecordRefs(record.data as Record<string, unknown>, (ref) => ids.get(ref));
        } catch (error) {
          throw fail.bundleInvalid([{ pointer: '/data', message: (error as Error).message }]);
        }
        await this.records.create(record.entity, data, actor, locale, {
          em,
          ...(record.ref ? { id: ids.get(record.ref) } : {}),
        });
      });
    }
  }
}

/** Re-anchors the pointers of a failure inside one bundle item, so the report says which item and which field. */
async function rethrowAt<T>(at: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError) {
      const details = error.details.length ? error.details : [{ pointer: '', message: error.message }];
      throw fail.bundleInvalid(
        details.map((d) => ({
          ...d,
          pointer: `${at}${d.pointer}`,
        })),
      );
    }
    throw error;
  }
}
