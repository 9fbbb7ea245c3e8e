import { upgradeLegacyVariables } from '../../templates/legacy-variables.js';
import type { KindSpec } from '../kind-spec.js';
import { type TemplateBody, TemplateBodySchema } from './schema.js';
import { templateProblems } from './semantics.js';

export type { TemplateBody } from './schema.js';
export { TemplateBodySchema } from './schema.js';

export const templateKind: KindSpec<TemplateBody> = {
  schema: TemplateBodySchema,
  schemaVersion: 2,
  migrations: [
    {
      // Version 1 had no shortcut or lines (offered everywhere) and wrote `{{operator}}` for the operator's name.
      from: 1,
      up: (body) => {
        const text = body.text as { ru?: unknown; en?: unknown } | undefined;
        const upgrade = (value: unknown) =>
          typeof value === 'string' ? upgradeLegacyVariables(value) : value;
        return {
          ...body,
          schemaVersion: 2,
          lines: [],
          ...(text && typeof text === 'object'
            ? {
                text: {
                  ...text,
                  ru: upgrade(text.ru),
                  ...(text.en === undefined ? {} : { en: upgrade(text.en) }),
                },
              }
            : {}),
        };
      },
    },
  ],
  problems: templateProblems,
};
