import {
  compileRecordValidator,
  conversionFailedMessage,
  duplicatesAfterMigrationMessage,
  type EntityBody,
  invalidAfterMigrationMessage,
  type Locale,
  type MigrationPlan,
  migrateRecord,
  planMigration,
  recordTitle,
  searchableText,
} from '@opora/runtime/definitions';
import type { ErrorDetail } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';
import { duplicates, recordBatches } from './data-questions.js';

interface Rewrite {
  id: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

interface Tally<T> {
  count: number;
  sample: T;
}

export interface MigrationTarget {
  entity: string;
  prev: EntityBody;
  next: EntityBody;
  /** The version being published: migrated records are stamped with it. */
  version: number;
  locale: Locale;
}

/**
 * Brings the live records of a data type to its new version in the caller's (publish) transaction: applies the
 * plan to every record it concerns, re-validates each changed record against the new version, rewrites them
 * (with an audit row each) and stamps them with the version. Returns what stops it — values that could not be
 * converted, records that would be invalid, unique values that would repeat — as error details pointing into
 * the body; the caller then throws, so the transaction rolls back and nothing changes.
 */
export async function migrateRecords(db: Database, tx: Em, target: MigrationTarget): Promise<ErrorDetail[]> {
  const plan = planMigration(target.prev, target.next);
  if (!plan.steps.length) return [];
  const validate = compileRecordValidator(target.next, target.locale);
  const failures = new Map<string, Tally<{ number: number; value: unknown }>>();
  const invalid = new Map<string, Tally<{ number: number; message: string }>>();
  const tally = <T>(map: Map<string, Tally<T>>, key: string, sample: T) => {
    const found = map.get(key);
    if (found) found.count++;
    else map.set(key, { count: 1, sample });
  };
  const { where, params } = concerned(plan);
  for await (const batch of recordBatches(db, tx, target.entity, where, params, { lock: true })) {
    const rewrites: Rewrite[] = [];
    for (const row of batch) {
      const before = JSON.parse(row.data) as Record<string, unknown>;
      const migrated = migrateRecord(plan, before);
      for (const failure of migrated.failures)
        tally(failures, failure.field, { number: row.number, value: failure.value });
      if (migrated.failures.length || !migrated.changed) continue;
      const problems = validate(migrated.data);
      for (const problem of problems)
        tally(invalid, problem.pointer.split('/')[1] ?? '', { number: row.number, message: problem.message });
      if (!problems.length) rewrites.push({ id: row.id, before, after: migrated.data });
    }
    // Once anything fails the publish is refused: keep counting for the message, stop writing.
    if (!failures.size && !invalid.size) await rewrite(db, tx, target, rewrites);
  }
  const details: ErrorDetail[] = [];
  for (const [key, { count, sample }] of failures) {
    const to = target.next.fields.find((f) => f.key === key)!;
    details.push({
      pointer: pointerFor(plan, target.next, key),
      code: 'migration-conversion',
      message: conversionFailedMessage(labelOf(target, key), to.type, count, sample, target.locale),
    });
  }
  for (const [key, { count, sample }] of invalid)
    details.push({
      pointer: pointerFor(plan, target.next, key),
      code: 'migration-invalid',
      message: invalidAfterMigrationMessage(labelOf(target, key), count, sample, target.locale),
    });
  if (details.length) return details;
  return uniqueRepeats(db, tx, target, plan);
}

/** Only records holding one of the migrated fields, unless some step fills empty values. */
function concerned(plan: MigrationPlan): { where: string | null; params: unknown[] } {
  if (plan.everyRecord) return { where: null, params: [] };
  return {
    where: plan.steps.map(() => 'data->? is not null').join(' or '),
    params: plan.steps.map((s) => s.field),
  };
}

async function rewrite(db: Database, tx: Em, target: MigrationTarget, rewrites: Rewrite[]): Promise<void> {
  if (!rewrites.length) return;
  const { next, entity, version } = target;
  await db.query(
    `update record as r set data = v.data::jsonb, title = v.title, search_text = v.search_text,
       entity_version = ?, version = r.version + 1, updated_at = now()
     from (values ${rewrites.map(() => '(?::uuid, ?::text, ?::text, ?::text)').join(', ')})
       as v(id, data, title, search_text)
     where r.id = v.id`,
    [
      version,
      ...rewrites.flatMap((r) => [
        r.id,
        JSON.stringify(r.after),
        recordTitle(next, r.after),
        searchableText(next, r.after),
      ]),
    ],
    tx,
  );
  // The record's history shows the migration like any other change; no actor: the server did it on publish.
  await db.query(
    `insert into audit_log (action, target_type, target_id, entity, before, after)
     values ${rewrites.map(() => `('update', 'record', ?, ?, ?::jsonb, ?::jsonb)`).join(', ')}`,
    rewrites.flatMap((r) => [r.id, entity, JSON.stringify(r.before), JSON.stringify(r.after)]),
    tx,
  );
}

/** A `set` or a conversion may give several records the same value of a unique field. */
async function uniqueRepeats(
  db: Database,
  tx: Em,
  target: MigrationTarget,
  plan: MigrationPlan,
): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [];
  for (const step of plan.steps) {
    const field = target.next.fields.find((f) => f.key === step.field);
    if (!field?.unique || step.remove) continue;
    const { count, samples } = await duplicates(db, tx, target.entity, field.key);
    if (count)
      details.push({
        pointer: pointerFor(plan, target.next, field.key),
        code: 'migration-unique',
        message: duplicatesAfterMigrationMessage(labelOf(target, field.key), count, samples, target.locale),
      });
  }
  return details;
}

/** The rule that caused it, else the field in the new body, else the field list (a removed field). */
function pointerFor(plan: MigrationPlan, next: EntityBody, key: string): string {
  const rule = plan.steps.find((s) => s.field === key)?.rule;
  if (rule !== null && rule !== undefined) return `/migrate/${rule}`;
  const index = next.fields.findIndex((f) => f.key === key);
  return index >= 0 ? `/fields/${index}` : '/fields';
}

function labelOf(target: MigrationTarget, key: string): string {
  const field =
    target.next.fields.find((f) => f.key === key) ?? target.prev.fields.find((f) => f.key === key);
  if (!field) return key;
  return target.locale === 'en' ? (field.label.en ?? field.label.ru) : field.label.ru;
}
