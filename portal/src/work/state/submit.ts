import type { Locale } from '@opora/runtime/definitions';
import { ApiError, type RecordItem } from '@opora/sdk';
import { serverProblems } from '../../forms/error-mapping';
import type { FormModel } from '../../forms/form-model';
import { type SaveOutcome, saveRecord } from './save-record';
import type { ScreenForm } from './screen-form';

export type SubmitResult =
  | { kind: 'saved'; outcome: SaveOutcome }
  /** Problems are on the form (the browser's check or the server's answer). */
  | { kind: 'invalid' }
  /** Someone saved the record after it was opened. */
  | { kind: 'conflict' };

/**
 * The save button: the browser's check with the shared runtime first (nothing is sent while it finds problems),
 * then the server, whose field problems land next to their fields just the same.
 */
export async function submit(
  model: FormModel,
  screen: ScreenForm,
  locale: Locale,
  failedMessage: string,
  existing?: RecordItem,
): Promise<SubmitResult> {
  if (model.store.get().saving) return { kind: 'invalid' };
  const prepared = model.precheck(locale);
  if (!prepared) return { kind: 'invalid' };
  model.setSaving(true);
  try {
    const outcome = await saveRecord(screen, model.submission(), prepared.data, existing);
    return { kind: 'saved', outcome };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'version_conflict')
      return { kind: 'conflict' };
    model.showProblems(serverProblems(error, model.fieldsShown(), failedMessage));
    return { kind: 'invalid' };
  } finally {
    model.setSaving(false);
  }
}
