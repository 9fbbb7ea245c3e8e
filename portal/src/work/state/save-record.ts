import type { RecordItem } from '@opora/sdk';
import { client } from '../../lib/api';
import type { ScreenForm } from './screen-form';

export interface SaveOutcome {
  record: RecordItem;
  /** On-submit actions that failed: the record is saved, but people should know. */
  failedActions: string[];
}

/**
 * Saves through the designed form (the server re-evaluates it), or through the records API for a generated one.
 * `data` is what the form may change; `prepared` is the browser's full result, used for generated forms.
 */
export async function saveRecord(
  screen: ScreenForm,
  data: Record<string, unknown>,
  prepared: Record<string, unknown>,
  existing?: RecordItem,
): Promise<SaveOutcome> {
  if (screen.formKey) {
    const result = await client.submitForm(screen.formKey, {
      data,
      ...(existing ? { recordId: existing.id, version: existing.version } : {}),
    });
    return {
      record: result.record,
      failedActions: result.actions.filter((a) => !a.ok).map((a) => a.message ?? a.type),
    };
  }
  if (!existing) return { record: await client.createRecord(screen.entityKey, prepared), failedActions: [] };
  // PATCH merges: fields the form emptied are sent as null so they are cleared, not kept.
  const patch: Record<string, unknown> = { ...prepared };
  for (const key of Object.keys(existing.data)) if (!(key in patch)) patch[key] = null;
  return {
    record: await client.updateRecord(screen.entityKey, existing.id, existing.version, patch),
    failedActions: [],
  };
}
