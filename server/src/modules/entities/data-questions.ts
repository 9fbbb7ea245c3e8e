import { type DataQuestion, fieldValueFits, isEmptyValue } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';

/** How many live records a question concerns, and the numbers of a few of them for the message. */
export interface DataAnswer {
  count: number;
  samples: number[];
}

const sampleSize = 3;
const batchSize = 500;
const live = 'entity = ? and deleted_at is null';
const filled = `coalesce(data->>?, '') <> ''`;

/**
 * Answers the runtime's questions about a data type's records with SQL in the publish transaction. Values are
 * read as JSON text (`::text`), so PGlite and PostgreSQL hand back the same thing.
 */
export async function answerQuestion(
  db: Database,
  tx: Em,
  entity: string,
  question: DataQuestion,
): Promise<DataAnswer> {
  const key = question.field;
  switch (question.ask) {
    case 'filled':
      return counted(db, tx, `${live} and ${filled} and data->? <> '[]'::jsonb`, [entity, key, key]);
    case 'empty':
      return counted(db, tx, `${live} and coalesce(data->>?, '') = ''`, [entity, key]);
    case 'oneOf':
      if (!question.values.length) return { count: 0, samples: [] };
      return counted(db, tx, `${live} and data->>? in (${question.values.map(() => '?').join(', ')})`, [
        entity,
        key,
        ...question.values,
      ]);
    case 'duplicates':
      return duplicates(db, tx, entity, key);
    case 'misfit':
      return misfits(db, tx, entity, key, (value) => fieldValueFits(question.check, value));
  }
}

async function counted(db: Database, tx: Em, where: string, params: unknown[]): Promise<DataAnswer> {
  // One round trip: a few record numbers and, through a window function, how many there are.
  const rows = await db.query<{ number: string | number; total: string | number }>(
    `select number, count(*) over () as total from record where ${where} order by number limit ${sampleSize}`,
    params,
    tx,
  );
  return { count: Number(rows[0]?.total ?? 0), samples: rows.map((r) => Number(r.number)) };
}

/** Records whose value another live record of the type shares. */
export async function duplicates(db: Database, tx: Em, entity: string, key: string): Promise<DataAnswer> {
  const rows = await db.query<{ number: string | number; total: string | number }>(
    `select number, count(*) over () as total from (
       select number, count(*) over (partition by data->?) as same from record where ${live} and ${filled}
     ) t where same > 1 order by number limit ${sampleSize}`,
    [key, entity, key],
    tx,
  );
  return { count: Number(rows[0]?.total ?? 0), samples: rows.map((r) => Number(r.number)) };
}

/** Values a check refuses: RE2 patterns and formats are the runtime's, so values are streamed and judged there. */
async function misfits(
  db: Database,
  tx: Em,
  entity: string,
  key: string,
  fits: (value: unknown) => boolean,
): Promise<DataAnswer> {
  const answer: DataAnswer = { count: 0, samples: [] };
  for await (const batch of recordBatches(db, tx, entity, `${filled}`, [key])) {
    for (const row of batch) {
      const value = (JSON.parse(row.data) as Record<string, unknown>)[key];
      if (isEmptyValue(value) || fits(value)) continue;
      answer.count++;
      if (answer.samples.length < sampleSize) answer.samples.push(row.number);
    }
  }
  answer.samples.sort((a, b) => a - b);
  return answer;
}

export interface RecordRowText {
  id: string;
  number: number;
  /** The record's data as JSON text. */
  data: string;
}

/**
 * Live records of a type in batches by id (keyset, so each batch is one index range), optionally narrowed by
 * an extra condition and locked for update, so nobody edits a record between being read and rewritten.
 */
export async function* recordBatches(
  db: Database,
  tx: Em,
  entity: string,
  where: string | null,
  params: unknown[],
  options: { lock?: boolean } = {},
): AsyncGenerator<RecordRowText[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<{ id: string; number: string | number; data: string }>(
      `select id, number, data::text as data from record
       where ${live} and id > ?::uuid${where ? ` and (${where})` : ''}
       order by id limit ${batchSize}${options.lock ? ' for update' : ''}`,
      [entity, after, ...params],
      tx,
    );
    if (!rows.length) return;
    yield rows.map((r) => ({ id: r.id, number: Number(r.number), data: r.data }));
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}
