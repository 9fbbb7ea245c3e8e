import type { TSchema } from '@sinclair/typebox';
import { EntityBodySchema } from './entity-schema.js';
import { FormBodySchema } from './form-schema.js';
import { IntegrationBodySchema } from './integration-schema.js';
import type { DefinitionKind } from './kinds.js';
import {
  BotBodySchema,
  LineBodySchema,
  ProcessBodySchema,
  ScriptBodySchema,
  TemplateBodySchema,
} from './other-kinds-schemas.js';
import { PageBodySchema } from './page-schema.js';
import { PortalBodySchema } from './portal-schema.js';
import { TreeBodySchema } from './tree-schema.js';

/** The one schema per definition kind: REST bodies, designer state and imported bundles all validate against it. */
export const definitionBodySchemas = {
  entity: EntityBodySchema,
  form: FormBodySchema,
  tree: TreeBodySchema,
  bot: BotBodySchema,
  process: ProcessBodySchema,
  script: ScriptBodySchema,
  page: PageBodySchema,
  portal: PortalBodySchema,
  line: LineBodySchema,
  template: TemplateBodySchema,
  integration: IntegrationBodySchema,
} satisfies Record<DefinitionKind, TSchema>;

export const currentSchemaVersion: Record<DefinitionKind, number> = {
  entity: 1,
  form: 1,
  tree: 2,
  bot: 1,
  process: 1,
  script: 1,
  page: 1,
  portal: 1,
  line: 1,
  template: 1,
  integration: 1,
};
