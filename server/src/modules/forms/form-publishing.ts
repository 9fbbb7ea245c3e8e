import type { EntityBody, FormBody } from '@opora/runtime/definitions';
import { compileForm, FormDesignError } from '@opora/runtime/forms';
import type { ErrorDetail } from '@opora/sdk';
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
      return details;
    },
  };
}
