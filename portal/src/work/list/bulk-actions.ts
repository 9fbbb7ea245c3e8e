import type { RecordItem } from '@opora/sdk';
import { client } from '../../lib/api';

export interface BulkOutcome {
  done: number;
  /** Per record that failed: its number and what the server said. */
  failed: { number: number; message: string }[];
}

/** Runs one change per record, one after another, collecting what the server refused instead of stopping. */
async function each(
  records: RecordItem[],
  change: (r: RecordItem) => Promise<unknown>,
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { done: 0, failed: [] };
  for (const record of records) {
    try {
      await change(record);
      outcome.done++;
    } catch (error) {
      const details = (error as { details?: { message: string }[] }).details;
      const message = details?.[0]?.message ?? (error instanceof Error ? error.message : String(error));
      outcome.failed.push({ number: record.number, message });
    }
  }
  return outcome;
}

export const deleteRecords = (entity: string, records: RecordItem[]) =>
  each(records, (r) => client.deleteRecord(entity, r.id, r.version));

/** Sets a field on each record; the server checks every move against the status model on its own. */
export const setField = (entity: string, records: RecordItem[], field: string, value: string) =>
  each(records, (r) => client.updateRecord(entity, r.id, r.version, { [field]: value }));
