import type { EntityBody, FormBody } from '@opora/runtime/definitions';
import { type CompiledForm, compileForm } from '@opora/runtime/forms';
import type { FormSummary } from '@opora/sdk';
import { generatedForm } from '../../forms/generated-layout';
import { client } from '../../lib/api';

export type Purpose = FormBody['purpose'];

/** A screen's form: designed and published, or generated from the type when nobody designed one. */
export interface ScreenForm {
  entityKey: string;
  entity: EntityBody;
  /** Key to submit to; null for a generated form (saved through the records API). */
  formKey: string | null;
  form: FormBody;
  compiled: CompiledForm;
  /** Every published form fit for the screen, so a person can switch when a type has several. */
  alternatives: FormSummary[];
}

/**
 * The form asked for by key when it fits the screen, else the first published form whose purpose is wanted,
 * in the order wanted (card, then edit…).
 */
export function chooseForm(
  forms: readonly FormSummary[],
  purposes: readonly Purpose[],
  preferred?: string,
): FormSummary | null {
  const asked = preferred
    ? forms.find((f) => f.key === preferred && purposes.includes(f.purpose))
    : undefined;
  if (asked) return asked;
  for (const purpose of purposes) {
    const found = forms.filter((f) => f.purpose === purpose).sort((a, b) => a.key.localeCompare(b.key))[0];
    if (found) return found;
  }
  return null;
}

export async function loadScreenForm(
  entityKey: string,
  purposes: readonly Purpose[],
  preferred?: string,
): Promise<ScreenForm> {
  const forms = (await client.listForms(entityKey)).items;
  const alternatives = forms.filter((f) => purposes.includes(f.purpose));
  const summary = chooseForm(forms, purposes, preferred);
  if (summary) {
    const published = await client.getForm(summary.key);
    const entity = published.entity.body as EntityBody;
    const form = published.form.body as FormBody;
    return {
      entityKey,
      entity,
      formKey: summary.key,
      form,
      compiled: compileForm(entity, form),
      alternatives,
    };
  }
  const entity = (await client.getPublished('entity', entityKey)).body as EntityBody;
  const form = generatedForm(entityKey, entity, purposes[0] ?? 'edit');
  return { entityKey, entity, formKey: null, form, compiled: compileForm(entity, form), alternatives };
}
