import { type EntityBody, type FormBody, type Locale, walkLayout } from '@opora/runtime/definitions';
import { compileForm, FormDesignError } from '@opora/runtime/forms';
import type { ErrorDetail } from '@opora/sdk';
import type { Em } from '../../db/database.js';
import type { DefinitionService, PublishExtension } from '../definitions/definition-service.js';

/**
 * Publishing a form compiles it against the published data type: every visibility condition and computed
 * value must parse and name existing fields, computations must not go in circles, and an on-submit script's
 * result must land in a field of the type. (Missing fields and definitions are the reference check's job.)
 */
export function formPublishing(definitions: DefinitionService): PublishExtension {
  return {
    async check(body, locale, tx) {
      const form = body as FormBody;
      const published = await definitions.latestPublished('entity', form.entity, tx);
      if (!published) return [];
      const entity = published.body as EntityBody;
      const details: ErrorDetail[] = [];
      try {
        compileForm(entity, form, locale);
      } catch (error) {
        if (!(error instanceof FormDesignError)) throw error;
        details.push(
          ...error.problems.map((p) => ({ pointer: p.pointer, message: p.message, code: p.code })),
        );
      }
      (form.onSubmit ?? []).forEach((action, i) => {
        if (
          action.type === 'script' &&
          action.resultField &&
          !entity.fields.some((f) => f.key === action.resultField)
        )
          details.push({
            pointer: `/onSubmit/${i}/resultField`,
            code: 'reference',
            message:
              locale === 'ru'
                ? `В типе «${form.entity}» нет поля «${action.resultField}»`
                : `Data type "${form.entity}" has no field "${action.resultField}"`,
          });
      });
      details.push(...(await relatedProblems(definitions, form, locale, tx)));
      return details;
    },
  };
}

/** A `related` element lists records pointing here: its field must be a relation to this form's type. */
async function relatedProblems(
  definitions: DefinitionService,
  form: FormBody,
  locale: Locale,
  tx: Em,
): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [];
  for (const { element, pointer } of walkLayout(form.layout)) {
    if (element.type !== 'related') continue;
    const other = await definitions.latestPublished('entity', element.entity, tx);
    const field = (other?.body as EntityBody | undefined)?.fields.find((f) => f.key === element.field);
    if (!field) continue; // the reference check names a missing type or field
    if (field.type !== 'relation' || field.entity !== form.entity)
      details.push({
        pointer: `${pointer}/field`,
        code: 'reference',
        message:
          locale === 'ru'
            ? `Поле «${element.field}» типа «${element.entity}» не ссылается на «${form.entity}»`
            : `Field "${element.field}" of "${element.entity}" does not refer to "${form.entity}"`,
      });
  }
  return details;
}
