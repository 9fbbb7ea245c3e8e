import {
  breakingChangeMessage,
  breakingChanges,
  type EntityBody,
  migrateDefinitionBody,
} from '@opora/runtime/definitions';
import type { ErrorDetail } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { PublishExtension } from '../definitions/definition-service.js';
import { syncRecordIndexes } from '../records/record-indexes.js';
import { ensureNumberSequence } from '../records/record-numbers.js';
import { answerQuestion, type DataAnswer } from './data-questions.js';
import { migrateRecords } from './record-migration.js';

/**
 * Publishing a data type that already has a version evolves it safely: every change that could leave existing
 * records invalid is checked against the records (a change no record is affected by is free), refused with
 * the field, the count and what to do unless a migration rule covers it; covered changes are applied to the
 * records in the publish transaction, and any record that would still be invalid refuses the whole publish.
 */
export function entityPublishing(db: Database): PublishExtension {
  return {
    async check(body, locale, tx, target) {
      if (target.latestVersion === null) return [];
      const prev = await versionBody(db, tx, target.definitionId, target.latestVersion);
      const answers = new Map<string, DataAnswer>();
      const details: ErrorDetail[] = [];
      for (const change of breakingChanges(prev, body as EntityBody)) {
        if (change.covered) continue;
        const id = JSON.stringify(change.question);
        let answer = answers.get(id);
        if (!answer) {
          answer = await answerQuestion(db, tx, target.key, change.question);
          answers.set(id, answer);
        }
        if (answer.count)
          details.push({
            pointer: change.pointer,
            code: change.code,
            message: breakingChangeMessage(change, answer.count, answer.samples, locale),
          });
      }
      return details;
    },
    async published(tx, { definitionId, key, version, body, locale }) {
      await syncRecordIndexes(db, tx, key, body as EntityBody);
      await ensureNumberSequence(db, tx, key);
      if (version === 1) return;
      const details = await migrateRecords(db, tx, {
        entity: key,
        prev: await versionBody(db, tx, definitionId, version - 1),
        next: body as EntityBody,
        version,
        locale,
      });
      // Thrown inside the publish transaction: the version, the records and the audit rows all roll back.
      if (details.length)
        throw fail.definitionInvalid(details.map((d) => ({ ...d, pointer: `/body${d.pointer}` })));
    },
  };
}

async function versionBody(db: Database, tx: Em, definitionId: string, version: number): Promise<EntityBody> {
  const [row] = await db.query<{ body: unknown }>(
    'select body::text as body from definition_version where definition_id = ? and version = ?',
    [definitionId, version],
    tx,
  );
  if (!row) throw new Error(`definition ${definitionId} has no version ${version}`);
  // Stored as published, possibly under an older schema version: brought up to date like any body.
  return migrateDefinitionBody('entity', JSON.parse(row.body as string)) as EntityBody;
}
