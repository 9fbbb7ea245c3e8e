import { compile, toProblems } from './ajv.js';
import type { EntityBody } from './entity-schema.js';
import { entityProblems } from './entity-semantics.js';
import type { FormBody } from './form-schema.js';
import { formProblems } from './form-semantics.js';
import type { IntegrationBody } from './integration-schema.js';
import { integrationProblems } from './integration-semantics.js';
import type { DefinitionKind, Locale, Problem } from './kinds.js';
import type { ProcessBody } from './other-kinds-schemas.js';
import type { PageBody } from './page-schema.js';
import { pageProblems, portalProblems } from './page-semantics.js';
import type { PortalBody } from './portal-schema.js';
import { processProblems } from './process-semantics.js';
import { definitionBodySchemas } from './schemas.js';
import type { TreeBody } from './tree-schema.js';
import { treeProblems } from './tree-semantics.js';

const semantics: Partial<Record<DefinitionKind, (body: never, locale: Locale) => Problem[]>> = {
  entity: (body: EntityBody, locale) => entityProblems(body, locale),
  form: (body: FormBody, locale) => formProblems(body, locale),
  process: (body: ProcessBody, locale) => processProblems(body, locale),
  tree: (body: TreeBody, locale) => treeProblems(body, locale),
  page: (body: PageBody, locale) => pageProblems(body, locale),
  portal: (body: PortalBody, locale) => portalProblems(body, locale),
  integration: (body: IntegrationBody, locale) => integrationProblems(body, locale),
};

/** Schema validation (compiled once per kind) and then the checks a schema cannot express; [] when valid. */
export function validateDefinitionBody(
  kind: DefinitionKind,
  body: unknown,
  locale: Locale = 'ru',
): Problem[] {
  const validate = compile(definitionBodySchemas[kind]);
  if (!validate(body)) return toProblems(validate.errors, locale);
  return semantics[kind]?.(body as never, locale) ?? [];
}
